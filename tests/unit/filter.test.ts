import { describe, expect, it } from 'vitest'
import { parseWhere } from '../../src/shared/filter'
import { ftsQuery } from '../../src/main/engine/database/sql/dialect'

describe('the --where filter syntax', () => {
  it('reads queues, score bounds, attributes, reports and text conditions', () => {
    expect(parseWhere('queue=review,maxScore<0.05')).toEqual({ queue: 'review', score: { lt: 0.05 } })
    expect(parseWhere('toxicity >= 0.9, reports>0')).toEqual({ queue: 'review', score: { attribute: 'TOXICITY', gte: 0.9 }, reports: { gt: 0 } })
    expect(parseWhere('score>0.2,score<=0.6,queue=all')).toEqual({ queue: 'all', score: { gt: 0.2, lte: 0.6 } })
    expect(parseWhere('article=a1,author=u017,search=affidavit seven days,since=2026-08-16')).toEqual({
      queue: 'review',
      article: 'a1',
      author: 'u017',
      search: 'affidavit seven days',
      since: '2026-08-16'
    })
    expect(parseWhere('')).toEqual({ queue: 'review' })
  })

  it('reads a sync state across every queue unless a queue is named', () => {
    expect(parseWhere('sync=conflict')).toEqual({ queue: 'all', sync: 'conflict' })
    expect(parseWhere('sync=failed,queue=approved')).toEqual({ queue: 'approved', sync: 'failed' })
  })

  it('says which clause is wrong', () => {
    expect(() => parseWhere('queue=everything')).toThrow(/queue/)
    expect(() => parseWhere('score<high')).toThrow(/"score<high": high is not a number/)
    expect(() => parseWhere('colour=red')).toThrow(/"colour" cannot be compared/)
    expect(() => parseWhere('toxicity<0.1,insult<0.1')).toThrow(/one attribute at a time/)
    expect(() => parseWhere('nonsense')).toThrow(/not a filter clause/)
    expect(() => parseWhere('since=last tuesday')).toThrow(/since/)
  })
})

describe('full-text search input', () => {
  it('treats FTS5 operators and quotes as plain words', () => {
    expect(ftsQuery('vote theft')).toBe('"vote" "theft"')
    expect(ftsQuery('a "b" OR NEAR(c)')).toBe('"a" """b""" "OR" "NEAR(c)"')
  })
})
