// The Terms of Use are data: a JSON file of clauses, checked when it is loaded.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Clause, Policy } from '../../../shared/model'
import { DSA_CATEGORIES, DSA_KEYWORDS, RETIRED_CATEGORIES } from '../reports/dsa-vocabulary'

// Statements of reasons (reports/statements.ts) read the DSA fields; the README lists the shipped map.
// Their values are checked against the database's current lists in checkDsaValues, with a message that
// names the clause and, for a category the database retired, what replaced it.
const clauseSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a clause code is lower-case letters, digits, - or _'),
  title: z.string().min(1).max(80),
  description: z.string().min(1).max(400),
  key: z.string().regex(/^[0-9]$/, 'a clause key is one digit'),
  upstream: z.enum(['trash', 'spam', 'hold']),
  dsaCategory: z.string().optional(),
  dsaKeywords: z.array(z.string()).min(1).optional(),
  dsaKeywordOther: z.string().trim().min(1).max(500).optional(),
  legalGround: z.string().trim().min(1).max(500).optional(),
  consideredIllegal: z.boolean().optional()
})

const dsaSchema = z.object({
  // The statement cites it as "<publisher> Terms of Use, version <v>, …": it must leave room in 500 characters.
  discretionClause: z.string().trim().min(1).max(300).optional(),
  disableCategory: z.string().optional(),
  complaints: z.string().min(1).max(1000).optional(),
  // Read only to refuse it (checkDsaValues): the scope is not a setting any more.
  territorialScope: z.unknown().optional()
})

const policySchema = z
  .object({
    publisher: z.string().min(1).max(80),
    version: z.string().min(1).max(40),
    url: z.url({ protocol: /^https?$/ }).max(500),
    clauses: z.array(clauseSchema).min(1),
    dsa: dsaSchema.optional()
  })
  .superRefine((policy, context) => {
    for (const field of ['code', 'key'] as const) {
      const seen = new Set<string>()
      for (const clause of policy.clauses) {
        if (seen.has(clause[field])) {
          context.addIssue({ code: 'custom', message: `two clauses share the ${field} "${clause[field]}"` })
        }
        seen.add(clause[field])
      }
    }
    for (const problem of checkDsaValues(policy as Policy)) context.addIssue({ code: 'custom', message: problem })
  })

const isCategory = (value: string) => (DSA_CATEGORIES as readonly string[]).includes(value)
const isKeyword = (value: string) => (DSA_KEYWORDS as readonly string[]).includes(value)

function categoryProblem(where: string, value: string): string | null {
  if (isCategory(value)) return null
  const instead = RETIRED_CATEGORIES[value]
  return instead
    ? `${where}: ${value} was retired by the DSA Transparency Database on 2025-07-01 and is refused there; use ${instead}`
    : `${where}: ${value} is not a category of the DSA Transparency Database (since 2025-07-01: ${DSA_CATEGORIES.join(', ')})`
}

/** The DSA values in the policy that the database would refuse, each in a sentence. */
function checkDsaValues(policy: Policy): string[] {
  const problems: (string | null)[] = []
  for (const clause of policy.clauses) {
    const where = `clause "${clause.code}"`
    if (clause.dsaCategory !== undefined) problems.push(categoryProblem(`${where} dsaCategory`, clause.dsaCategory))
    for (const keyword of clause.dsaKeywords ?? []) {
      if (!isKeyword(keyword)) problems.push(`${where} dsaKeywords: ${keyword} is not a keyword of the DSA Transparency Database's list since 2025-07-01`)
    }
    if (clause.dsaKeywordOther !== undefined && !clause.dsaKeywords?.includes('KEYWORD_OTHER')) {
      problems.push(`${where}: dsaKeywordOther needs KEYWORD_OTHER among its dsaKeywords`)
    }
    if (clause.legalGround !== undefined && clause.consideredIllegal !== undefined) {
      problems.push(`${where}: give either legalGround (filed as illegal content) or consideredIllegal (a Terms-of-Use breach also considered illegal), not both`)
    }
  }
  const dsa = policy.dsa as (Policy['dsa'] & { territorialScope?: unknown }) | undefined
  if (dsa?.disableCategory !== undefined) problems.push(categoryProblem('dsa.disableCategory', dsa.disableCategory))
  if (dsa?.territorialScope !== undefined) {
    problems.push('dsa.territorialScope is no longer read: a removed or disabled comment is gone everywhere, so every statement covers the whole EEA (30 countries); delete it')
  }
  return problems.filter((problem): problem is string => problem !== null)
}

export function loadPolicy(path: string): Policy {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read the Terms-of-Use policy ${path}: ${(error as Error).message}`, { cause: error })
  }
  const parsed = policySchema.safeParse(json)
  if (!parsed.success) {
    throw new Error(`The Terms-of-Use policy ${path} is not valid: ${z.prettifyError(parsed.error)}`)
  }
  return parsed.data
}

export function findClause(policy: Policy, code: string): Clause | undefined {
  return policy.clauses.find((clause) => clause.code === code)
}
