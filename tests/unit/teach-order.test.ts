import { describe, expect, it } from 'vitest'
import { signature, similarity } from '../../src/main/engine/scoring/learning/minhash'
import { decisionBoundary, teachOrder, uncertaintyOf } from '../../src/main/engine/scoring/learning/teach-order'

describe('Teach Sieve order', () => {
  it('calls a comment uncertain when its removal score sits at the boundary, certain at either end', () => {
    expect(uncertaintyOf({ TOXICITY: 0.5 })).toBe(1)
    expect(uncertaintyOf({ TOXICITY: 0 })).toBe(0)
    expect(uncertaintyOf({ TOXICITY: 1 })).toBe(0)
    expect(uncertaintyOf({ TOXICITY: 0.4 })).toBeGreaterThan(uncertaintyOf({ TOXICITY: 0.1 }))
    expect(uncertaintyOf({ TOXICITY: 0.6 })).toBeGreaterThan(uncertaintyOf({ TOXICITY: 0.95 }))
    expect(uncertaintyOf({})).toBe(0)
  })

  it("finds this newsroom's line from its decisions, and asks about the comments near it", () => {
    // This newsroom removes from about 0.2 up: a model trained elsewhere is not calibrated for it.
    const decided = Array.from({ length: 200 }, (_, i) => {
      const score = (i + 0.5) / 200
      return { score, label: score > 0.2 ? (i % 7 === 0 ? 0 : 1) : i % 9 === 0 ? 1 : 0 }
    })
    const boundary = decisionBoundary(decided)
    expect(boundary).toBeGreaterThan(0.1)
    expect(boundary).toBeLessThan(0.3)
    expect(uncertaintyOf({ TOXICITY: 0.2 }, boundary)).toBeGreaterThan(uncertaintyOf({ TOXICITY: 0.5 }, boundary))
    // Too few decisions of a kind say nothing yet.
    expect(decisionBoundary(decided.slice(0, 30))).toBe(0.5)
  })

  it('estimates word overlap: near-duplicates are similar, different comments are not', () => {
    const spam = 'Earn 50000 per week from home, WhatsApp me now for the link'
    expect(similarity(signature(spam), signature(spam))).toBe(1)
    expect(similarity(signature(spam), signature('Earn 50000 per week from home, WhatsApp me now for the link!!'))).toBeGreaterThan(0.8)
    expect(similarity(signature(spam), signature('The minister is wrong on this and the policy will hurt farmers'))).toBeLessThan(0.2)
  })

  it('puts the most uncertain first and sends near-duplicates of a chosen comment to the end', () => {
    const copy = (i: number) => ({ id: `spam${i}`, text: `Earn 50000 per week from home, WhatsApp me now for the link ${i % 2 ? '!' : ''}`, uncertainty: 0.99 - i / 1000 })
    const candidates = [
      ...Array.from({ length: 20 }, (_, i) => copy(i)),
      { id: 'a', text: 'You people never read past the headline, do you?', uncertainty: 0.9 },
      { id: 'b', text: 'This reporter clearly has an agenda against the farmers', uncertainty: 0.8 },
      { id: 'c', text: 'Thanks for the thorough reporting on the budget', uncertainty: 0.1 }
    ]
    const order = teachOrder(candidates).map((candidate) => candidate.id)
    expect(order.slice(0, 4)).toEqual(['spam0', 'a', 'b', 'c'])
    expect(order.slice(4)).toEqual(Array.from({ length: 19 }, (_, i) => `spam${i + 1}`))
    expect(order).toHaveLength(candidates.length)
    // Pure: the same candidates, the same order.
    expect(teachOrder(candidates).map((candidate) => candidate.id)).toEqual(order)
  })
})
