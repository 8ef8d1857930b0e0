// The README's DSA section tells a publisher what Sieve checks their statements against: it must name the same
// upstream files and commits the code was taken from, and the clause map the shipped policy really has.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPolicy } from '../../src/main/engine/moderation/policy'

const ROOT = resolve(__dirname, '../..')
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('### Statements of reasons (DSA)'), readme.indexOf('The **audit trail**'))
const vocabulary = readFileSync(resolve(ROOT, 'src/main/engine/reports/dsa-vocabulary.ts'), 'utf8')

describe('the README on statements of reasons', () => {
  it('names every upstream file and commit the vocabulary and the rules were taken from', () => {
    const cited = [...vocabulary.matchAll(/([\w/.-]+\.(?:php|md)) @ ([0-9a-f]{40})/g)].map(([, file, commit]) => [file, commit])
    expect(cited.length).toBeGreaterThanOrEqual(5)
    for (const [file, commit] of cited) expect(section).toContain(`\`${file}\` @ \`${commit}\``)
    expect(section).toContain('content_date` 2000-01-01 to 2038-01-01')
    expect(section).toContain('`application_date` 2020-01-01 to 2038-01-01')
  })

  it('shows the clause map the shipped policy has', () => {
    const policy = loadPolicy(resolve(ROOT, 'resources/policy/terms-of-use.json'))
    for (const clause of policy.clauses) {
      const keywords = (clause.dsaKeywords ?? []).map((keyword) => `\`${keyword}\``).join(', ')
      expect(section).toContain(`| ${clause.code} | \`${clause.dsaCategory}\` | ${keywords}${keywords ? ' ' : ''}|`)
    }
    expect(section).toContain(`| disabled comments | \`${policy.dsa?.disableCategory}\` | |`)
  })
})
