// A deterministic synthetic corpus for the benchmark: the same N comments every run, varied lengths,
// 2,000 articles and 100,000 authors, with a realistic share of nasty ones for the scorer to find.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** mulberry32: a tiny seeded PRNG, so the corpus is identical on every machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CIVIL = (
  'the summit in alaska ended without a deal and the ceasefire talk evaporated while analysts said expectations ' +
  'were low about peace the election commission asked for an affidavit within seven days and the voter list ' +
  'privacy point is valid europe and ukraine want a say in any decision troops from north korea were sent to kursk ' +
  'sanctions oil sakhalin exxon market sovereignty treaty parliament delegation statement reporting article thanks ' +
  'interesting context history soviet liberation japan korea anniversary letter friendship military'
).split(' ')
const NASTY = ['idiot', 'stupid', 'moron', 'traitor', 'f*** off', 'shut up', 'scum', 'I will find you', 'chutiya', 'gadhe']
const SPAM = ['earn 50000 per week from home', 'WhatsApp +91 90000 12345', 'free bonus on signup', 'crypto signals telegram']

export interface CorpusOptions {
  size: number
  articles: number
  authors: number
}

export async function writeCorpus(path: string, { size, articles, authors }: CorpusOptions): Promise<void> {
  const next = random(20260816)
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]
  const out = createWriteStream(path)
  const start = Date.parse('2026-01-01T00:00:00Z')
  for (let i = 0; i < size; i++) {
    // Lengths from a handful of words to a few hundred: most comments are short, a few are essays.
    const words = 3 + Math.floor(next() ** 3 * 120)
    const parts: string[] = []
    for (let w = 0; w < words; w++) parts.push(pick(CIVIL))
    const roll = next()
    if (roll < 0.08) parts.splice(Math.floor(next() * parts.length), 0, pick(NASTY))
    else if (roll < 0.1) parts.push(pick(SPAM))
    const article = Math.floor(next() * articles)
    const author = Math.floor(next() ** 2 * authors)
    const line = JSON.stringify({
      id: `b${i}`,
      text: parts.join(' '),
      author: { id: `u${author}`, name: `Reader ${author}` },
      article: { id: `a${article}`, title: `Story number ${article}`, url: `https://news.example/story/${article}` },
      parentId: i > 10 && next() < 0.15 ? `b${i - 1 - Math.floor(next() * 10)}` : null,
      createdAt: new Date(start + i * 20_000).toISOString(),
      status: next() < 0.1 ? 'approved' : 'pending',
      reports: next() < 0.05 ? 1 + Math.floor(next() * 8) : 0
    })
    if (!out.write(line + '\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}
