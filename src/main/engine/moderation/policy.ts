// The Terms of Use are data: a JSON file of clauses, checked when it is loaded.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Clause, Policy } from '../../../shared/model'
import { DSA_CATEGORIES, EU_EEA_COUNTRIES } from '../reports/dsa-vocabulary'

const clauseSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a clause code is lower-case letters, digits, - or _'),
  title: z.string().min(1).max(80),
  description: z.string().min(1).max(400),
  key: z.string().regex(/^[0-9]$/, 'a clause key is one digit'),
  upstream: z.enum(['trash', 'spam', 'hold']),
  // Statements of reasons (reports/statements.ts): the README lists the shipped clause → category map.
  dsaCategory: z.enum(DSA_CATEGORIES).optional(),
  legalGround: z.string().min(1).max(500).optional()
})

const dsaSchema = z.object({
  territorialScope: z.array(z.enum(EU_EEA_COUNTRIES)).min(1),
  disableCategory: z.enum(DSA_CATEGORIES).optional(),
  complaints: z.string().min(1).max(1000).optional()
})

const policySchema = z
  .object({
    publisher: z.string().min(1),
    version: z.string().min(1),
    url: z.url(),
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
  })

export function loadPolicy(path: string): Policy {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read the Terms-of-Use policy ${path}: ${(error as Error).message}`)
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
