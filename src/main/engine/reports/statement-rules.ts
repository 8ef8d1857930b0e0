// What the DSA Transparency Database checks before it takes a statement of reasons: a mirror, rule for
// rule, of GroupedSubmissionsService::multi_rules (POST /api/v1/statements) and of the batch rules of
// StatementMultipleAPIController (sources and commits in dsa-vocabulary.ts). Laravel reads the request after
// its TrimStrings and ConvertEmptyStringsToNull middleware, so strings are trimmed and "" is null here too;
// "max" counts characters (mb_strlen: code points, not UTF-16 units); a field that does not apply to the
// statement's ground or choices is excluded before checking (exclude_unless), as upstream.
import { z } from 'zod'
import {
  ACCOUNT_TYPES,
  AUTOMATED_DECISIONS,
  AUTOMATED_DETECTIONS,
  CONTENT_TYPES,
  DECISION_ACCOUNTS,
  DECISION_GROUNDS,
  DECISION_MONETARIES,
  DECISION_PROVISIONS,
  DECISION_VISIBILITIES,
  DSA_CATEGORIES,
  DSA_KEYWORDS,
  EUROPEAN_COUNTRY_CODES,
  INCOMPATIBLE_CONTENT_ILLEGALS,
  LANGUAGE_CODES,
  SOURCE_TYPES,
  STATEMENTS_PER_BATCH
} from './dsa-vocabulary'

const characters = (value: string) => [...value].length
/** max:N on a string. */
const text = (max: number) => z.string().refine((value) => characters(value) <= max, `may not be greater than ${max} characters`)
/** in:… ; rule_in($values, true) also lets the string "null" through, as upstream. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T, nullable = false) =>
  nullable ? z.enum([...values, 'null'] as unknown as readonly [string, ...string[]]) : z.enum(values)

/** date_format:Y-m-d (a real calendar day, written exactly so) within [earliest, latest], both included. */
const day = (earliest: string | null, latest: string) =>
  z
    .string()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'does not match the format YYYY-MM-DD')
    .refine((value) => earliest === null || value >= earliest, `must be a date after or equal to ${earliest}`)
    .refine((value) => value <= latest, `must be a date before or equal to ${latest}`)

/** url (Laravel's rule takes any scheme://host…; this takes what the URL standard parses with a host). */
const url = z.string().refine((value) => {
  try {
    return new URL(value).host !== ''
  } catch {
    return false
  }
}, 'must be a valid URL')

const LATEST = '2038-01-01'

const rules = z.object({
  decision_visibility: z.array(oneOf(DECISION_VISIBILITIES, true)).nullish(),
  decision_visibility_other: text(500).nullish(),
  decision_monetary: oneOf(DECISION_MONETARIES, true).nullish(),
  decision_monetary_other: text(500).nullish(),
  decision_provision: oneOf(DECISION_PROVISIONS, true).nullish(),
  decision_account: oneOf(DECISION_ACCOUNTS, true).nullish(),
  account_type: oneOf(ACCOUNT_TYPES, true).nullish(),
  category_specification: z.array(oneOf(DSA_KEYWORDS, true)).nullish(),
  category_specification_other: text(500).nullish(),

  decision_ground: oneOf(DECISION_GROUNDS),
  decision_ground_reference_url: url.pipe(text(500)).nullish(),
  illegal_content_legal_ground: text(500).nullish(),
  illegal_content_explanation: text(2000).nullish(),
  incompatible_content_ground: text(500).nullish(),
  incompatible_content_explanation: text(2000).nullish(),
  // Not nullable upstream: a null here fails its in: rule.
  incompatible_content_illegal: oneOf(INCOMPATIBLE_CONTENT_ILLEGALS).optional(),

  content_type: z.array(oneOf(CONTENT_TYPES)).min(1, 'is required'),
  content_type_other: text(500).nullish(),

  category: oneOf(DSA_CATEGORIES),
  category_addition: z.array(oneOf(DSA_CATEGORIES)).optional(),
  territorial_scope: z.array(oneOf(EUROPEAN_COUNTRY_CODES)).nullish(),
  content_language: oneOf(LANGUAGE_CODES).nullish(),

  content_date: day('2000-01-01', LATEST),
  application_date: day('2020-01-01', LATEST),
  end_date_account_restriction: day(null, LATEST).nullish(),
  end_date_monetary_restriction: day(null, LATEST).nullish(),
  end_date_service_restriction: day(null, LATEST).nullish(),
  end_date_visibility_restriction: day(null, LATEST).nullish(),

  decision_facts: text(5000),
  source_type: oneOf(SOURCE_TYPES),
  source_identity: text(500).nullish(),
  automated_detection: oneOf(AUTOMATED_DETECTIONS),
  automated_decision: oneOf(AUTOMATED_DECISIONS),
  puid: text(500).pipe(z.string().regex(/^[a-zA-Z0-9_-]+$/, 'may only contain letters, digits, - and _'))
})

type Fields = Record<string, unknown>

/** TrimStrings + ConvertEmptyStringsToNull, through arrays and objects. */
function asReceived(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (Array.isArray(value)) return value.map(asReceived)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, asReceived(field)]))
  return value
}

/** What `required` accepts: not missing, not null, not an empty array. */
const present = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)
const includes = (value: unknown, needle: string) => Array.isArray(value) && value.includes(needle)

/** exclude_unless / excludeIf: the fields that do not apply to this statement are not checked at all. */
function excludeInapplicable(fields: Fields): Fields {
  const kept = { ...fields }
  const ground = kept.decision_ground
  if (ground !== 'DECISION_GROUND_ILLEGAL_CONTENT') {
    delete kept.illegal_content_legal_ground
    delete kept.illegal_content_explanation
  }
  if (ground !== 'DECISION_GROUND_INCOMPATIBLE_CONTENT') {
    delete kept.incompatible_content_ground
    delete kept.incompatible_content_explanation
    delete kept.incompatible_content_illegal
  }
  if (!includes(kept.decision_visibility, 'DECISION_VISIBILITY_OTHER')) delete kept.decision_visibility_other
  if (kept.decision_monetary !== 'DECISION_MONETARY_OTHER') delete kept.decision_monetary_other
  if (!includes(kept.content_type, 'CONTENT_TYPE_OTHER')) delete kept.content_type_other
  return kept
}

/** required_if, requiredIf and required_without_all. */
function conditionalRequirements(fields: Fields): string[] {
  const problems: string[] = []
  const need = (field: string, when: string) => !present(fields[field]) && problems.push(`${field}: is required when ${when}`)
  if (fields.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    need('illegal_content_legal_ground', 'decision_ground is DECISION_GROUND_ILLEGAL_CONTENT')
    need('illegal_content_explanation', 'decision_ground is DECISION_GROUND_ILLEGAL_CONTENT')
  }
  if (fields.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT') {
    need('incompatible_content_ground', 'decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT')
    need('incompatible_content_explanation', 'decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT')
  }
  if (includes(fields.decision_visibility, 'DECISION_VISIBILITY_OTHER')) need('decision_visibility_other', 'decision_visibility has DECISION_VISIBILITY_OTHER')
  if (fields.decision_monetary === 'DECISION_MONETARY_OTHER') need('decision_monetary_other', 'decision_monetary is DECISION_MONETARY_OTHER')
  if (includes(fields.content_type, 'CONTENT_TYPE_OTHER')) need('content_type_other', 'content_type has CONTENT_TYPE_OTHER')
  const decisions = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account']
  if (!decisions.some((field) => present(fields[field]))) problems.push(`decision_visibility: is required when none of ${decisions.slice(1).join(' / ')} are present`)
  return problems
}

/** Every rule one statement breaks, each as `field: what is wrong`; none when the database would take it. */
export function statementProblems(statement: unknown): string[] {
  const received = asReceived(statement)
  if (!received || typeof received !== 'object' || Array.isArray(received)) return ['statement: must be an object']
  const fields = excludeInapplicable(received as Fields)
  const parsed = rules.safeParse(fields)
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const field = issue.path.join('.') || 'statement'
        const missing = issue.code === 'invalid_type' && fields[String(issue.path[0])] == null && issue.path.length === 1
        return `${field}: ${missing ? 'is required' : issue.message}`
      })
  return [...problems, ...conditionalRequirements(fields)]
}

/** The rules on a batch as a whole: 1 to 100 statements, and no puid twice. */
export function batchProblems(statements: { puid?: unknown }[]): string[] {
  const problems: string[] = []
  if (statements.length < 1 || statements.length > STATEMENTS_PER_BATCH) problems.push(`statements: must have between 1 and ${STATEMENTS_PER_BATCH} items`)
  const seen = new Set<unknown>()
  for (const { puid } of statements) {
    if (seen.has(puid)) problems.push(`puid: ${String(puid)} appears twice in the batch`)
    seen.add(puid)
  }
  return problems
}
