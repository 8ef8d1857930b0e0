// Wikipedia Talk Labels: Toxicity (test split, identity-balanced). Its held-out rows are the benchmark and
// are never trained on.
import { join } from 'node:path'
import { readCsv } from './csv'

export interface WikiRow {
  revId: number
  text: string
  toxic: boolean
}

/** The fixed held-out split: 440 rows, 70 toxic. */
export function isWikiHeldOut(revId: number): boolean {
  return revId % 10 < 3
}

export function readWiki(dataDir: string): WikiRow[] {
  return readCsv(join(dataDir, 'wiki-toxicity', 'toxicity_nonfuzzed_testset.csv')).map((row) => ({
    revId: Number(row.rev_id),
    text: row.comment,
    toxic: row.toxic === 'True'
  }))
}
