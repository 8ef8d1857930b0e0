// Fox News user comments (Gao & Huang, RANLP 2017): 1,528 comments under 10 article threads, labelled
// hateful or not. Real English news-site comments: the closest thing to a newsroom's queue we may train on.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { finish, mixRange, seed } from '../hashing'

export interface FoxRow {
  id: string
  text: string
  /** 1 hateful (an attack on a group or a person for who they are, implicit ones included), 0 not. */
  label: number
  /** The article's title: comments of one thread share a topic and answer each other. */
  thread: string
}

const SPLIT = seed('fox-thread-split')

/**
 * Four of the ten threads (696 comments, 211 hateful) are never trained on: "a newsroom the model has not
 * seen". Split by thread, not by row, so no held-out comment has a reply or a sibling in training.
 */
export function isFoxHeldOut(thread: string): boolean {
  return finish(mixRange(SPLIT, thread, 0, thread.length)) % 10 < 4
}

export function readFox(dataDir: string): FoxRow[] {
  const path = join(dataDir, 'fox-news-comments', 'fox-news-comments.ndjson')
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { id: string; text: string; label: number; title: string }
      return { id: row.id, text: row.text, label: row.label, thread: row.title }
    })
}
