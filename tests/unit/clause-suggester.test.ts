import { describe, expect, it } from 'vitest'
import { clauseAccuracy, ruleClause, suggestClause, trainClauseModel, type Removal } from '../../src/main/engine/scoring/learning/clause-suggester'

const CLAUSES = ['abusive', 'defamatory', 'illegal', 'hate', 'threat', 'spam', 'privacy', 'sexual', 'impersonation']

describe('clause suggestions', () => {
  it('reads the scores before anything is learned: the most specific attribute that reached 0.5', () => {
    expect(ruleClause({ THREAT: 0.8, INSULT: 0.9, TOXICITY: 0.9 }, CLAUSES)).toBe('threat')
    expect(ruleClause({ IDENTITY_ATTACK: 0.7, TOXICITY: 0.8 }, CLAUSES)).toBe('hate')
    expect(ruleClause({ SPAM: 0.85 }, CLAUSES)).toBe('spam')
    expect(ruleClause({ INSULT: 0.9, TOXICITY: 0.9 }, CLAUSES)).toBe('abusive')
    expect(ruleClause({ TOXICITY: 0.2, SEXUALLY_EXPLICIT: 0.3 }, CLAUSES)).toBe('sexual')
    expect(suggestClause(null, { text: 'you idiot', scores: { INSULT: 0.9 } }, CLAUSES).clause).toBe('abusive')
  })

  it("learns this newsroom's habit: the clause its moderators cite for comments the scores alone misread", () => {
    // This newsroom cites "defamatory" for claims of fraud, which the scores read as plain abuse.
    const fraud = (i: number): Removal => ({ text: `The mayor is a fraud who stole ${i} crore from the fund`, scores: { TOXICITY: 0.6, INSULT: 0.55 }, clause: 'defamatory' })
    const insult = (i: number): Removal => ({ text: `you absolute idiot number ${i}`, scores: { TOXICITY: 0.9, INSULT: 0.9 }, clause: 'abusive' })
    const threat = (i: number): Removal => ({ text: `I will find you ${i}`, scores: { TOXICITY: 0.8, THREAT: 0.85 }, clause: 'threat' })
    const removals = Array.from({ length: 30 }, (_, i) => [fraud(i), insult(i), threat(i)]).flat()
    const heldBack = [fraud(100), fraud(101), insult(100), threat(100)]
    expect(clauseAccuracy(null, heldBack, CLAUSES)).toBe(0.5)
    const model = trainClauseModel(removals, CLAUSES)
    expect(clauseAccuracy(model, heldBack, CLAUSES)).toBe(1)
    const suggestion = suggestClause(model, fraud(102), CLAUSES)
    expect(suggestion.clause).toBe('defamatory')
    expect(suggestion.ranking.map((entry) => entry.clause)).toHaveLength(CLAUSES.length)
    expect(suggestion.confidence).toBeGreaterThan(0.5)
  })

  it('starts from the rule reading, so a few removals do not unlearn what the scores say', () => {
    const model = trainClauseModel([{ text: 'some text', scores: { TOXICITY: 0.6 }, clause: 'abusive' }], CLAUSES)
    expect(suggestClause(model, { text: 'we know where you live', scores: { THREAT: 0.9, TOXICITY: 0.8 } }, CLAUSES).clause).toBe('threat')
    expect(suggestClause(model, { text: 'buy now', scores: { SPAM: 0.9 } }, CLAUSES).clause).toBe('spam')
  })
})
