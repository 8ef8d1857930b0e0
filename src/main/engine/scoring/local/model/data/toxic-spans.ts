// Toxic Spans (Pavlopoulos et al.): Civil Comments posts, all flagged first, re-annotated by several raters
// with the character spans that make them toxic and each span's type.
import { join } from 'node:path'
import { finish, mixRange, seed } from '../hashing'
import { readCsv } from './csv'

export const SPAN_TYPES = ['Insult', 'Threat', 'Identity based Attack', 'Profane/Obscene', 'Other toxicity'] as const
export type SpanType = (typeof SPAN_TYPES)[number]

export interface ToxicSpansRow {
  id: string
  text: string
  raters: number
  /** Raters who found nothing toxic. */
  notToxic: number
  /** Per span type, how many raters marked at least one span of it. */
  byType: Record<SpanType, number>
  /** Every rater's spans, as [start, end) offsets into `text`, with their type. */
  spans: { start: number; end: number; type: SpanType; rater: number }[]
}

const SPLIT = seed('toxic-spans-split')

/** Which tenth of the posts (0-9, by a hash of the id) a post is in. */
export function spansFold(commentId: string): number {
  return finish(mixRange(SPLIT, commentId, 0, commentId.length)) % 10
}

/** A fixed tenth of the posts, by id, never trained on. */
export function isSpansHeldOut(commentId: string): boolean {
  return spansFold(commentId) === 0
}

function isSpanType(type: string): type is SpanType {
  return (SPAN_TYPES as readonly string[]).includes(type)
}

export function readToxicSpans(dataDir: string): ToxicSpansRow[] {
  const folder = join(dataDir, 'toxic-spans')
  const rows = new Map<string, ToxicSpansRow>()
  for (const row of readCsv(join(folder, 'comments.csv'))) {
    const byType = Object.fromEntries(SPAN_TYPES.map((type) => [type, 0])) as Record<SpanType, number>
    rows.set(row.comment_id, { id: row.comment_id, text: row.comment_text, raters: 0, notToxic: 0, byType, spans: [] })
  }
  const annotations = new Map<string, ToxicSpansRow>()
  const rater = new Map<string, number>()
  for (const row of readCsv(join(folder, 'annotations.csv'))) {
    const comment = rows.get(row.comment_id)
    if (!comment) continue
    rater.set(row.annotation, comment.raters)
    comment.raters++
    if (row['not toxic'] === 'True') comment.notToxic++
    annotations.set(row.annotation, comment)
  }
  const typesSeen = new Set<string>()
  for (const row of readCsv(join(folder, 'spans.csv'))) {
    const comment = annotations.get(row.annotation)
    if (!comment || !isSpanType(row.type)) continue
    comment.spans.push({ start: Number(row.start), end: Number(row.end), type: row.type, rater: rater.get(row.annotation) ?? 0 })
    // One count per rater and type, however many spans of it the rater marked.
    const key = `${row.annotation}\u0000${row.type}`
    if (typesSeen.has(key)) continue
    typesSeen.add(key)
    comment.byType[row.type]++
  }
  return [...rows.values()].filter((row) => row.raters > 0)
}

export interface AgreedSpan {
  start: number
  end: number
  /** Per type, how many raters marked it somewhere in the span. */
  types: Map<SpanType, number>
}

const WORD_CHAR = /[\p{L}\p{N}*']/u

/** The stretches at least half the raters marked (as in the SemEval gold), widened to whole words. */
export function agreedSpans(row: ToxicSpansRow): AgreedSpan[] {
  const { text } = row
  const votes = new Uint8Array(text.length)
  const byRater = new Map<number, Uint8Array>()
  for (const span of row.spans) {
    const marked = byRater.get(span.rater) ?? new Uint8Array(text.length)
    marked.fill(1, Math.max(0, span.start), Math.min(text.length, span.end))
    byRater.set(span.rater, marked)
  }
  // A rater who marked a character twice still has one vote on it.
  for (const marked of byRater.values()) for (let i = 0; i < text.length; i++) votes[i] += marked[i]
  const agreedAt = (i: number): boolean => votes[i] * 2 >= row.raters
  const isWordChar = (i: number): boolean => i >= 0 && i < text.length && WORD_CHAR.test(text[i])

  const agreed: AgreedSpan[] = []
  for (let i = 0; i < text.length; i++) {
    if (!agreedAt(i) || !isWordChar(i)) continue
    let start = i
    let end = i
    while (end < text.length && (agreedAt(end) || isWordChar(end))) end++
    while (isWordChar(start - 1)) start--
    while (end > start && !isWordChar(end - 1)) end--
    const raters = new Map<SpanType, Set<number>>()
    for (const span of row.spans) {
      if (span.start < end && span.end > start) raters.set(span.type, (raters.get(span.type) ?? new Set()).add(span.rater))
    }
    agreed.push({ start, end, types: new Map([...raters].map(([type, who]) => [type, who.size])) })
    i = end
  }
  return agreed
}
