// How the contract is written: each domain declares its calls (name, input schema, result type, where it
// runs) and its events (name, payload type) in a file of its own; index.ts combines them. No Node, no DOM.
import { z } from 'zod'

/**
 * A query only reads the database; a command may write it, and owns the long jobs. With the engine on
 * threads of its own, queries are answered beside the router and commands in the writer, so a page is
 * never stuck behind a bulk decision.
 */
export type CallKind = 'query' | 'command'

export interface CallSpec<S extends z.ZodType = z.ZodType, R = unknown, K extends CallKind = CallKind> {
  kind: K
  input: S
  /** Only a type: what the call answers. */
  result: R
  /** Local calls name files on this machine: the CLI and tests may make them, a window never. */
  local: boolean
  /** A query that may take seconds (a report over a million decisions): answered apart from the pages. */
  heavy: boolean
}

interface CallOptions {
  local?: boolean
  heavy?: boolean
}

const declare =
  <K extends CallKind>(kind: K) =>
  <R>() =>
  <S extends z.ZodType>(input: S, options: CallOptions = {}): CallSpec<S, R, K> => ({
    kind,
    input,
    result: null as unknown as R,
    local: options.local ?? false,
    heavy: options.heavy ?? false
  })

/** Declares a call that reads, answering R, whose input must pass `input`. */
export const query = declare('query')
/** Declares a call that may write (or starts or waits on a job), answering R. */
export const command = declare('command')

/** Declares an event whose payload is P. */
export const event = <P>() => null as unknown as P

/** A call without input. */
export const nothing = z.object({}).strict()

/** Either Sieve's ids of comments or a filter meaning every comment it matches. */
export const eitherKeysOrFilter = (input: { keys?: unknown; filter?: unknown }) => (input.keys === undefined) !== (input.filter === undefined)

/**
 * Merges the domains' declarations into one map, refusing a name two domains both declare: a call or
 * an event has one meaning across the whole contract.
 */
export function combine<const Parts extends readonly Record<string, unknown>[]>(...parts: Parts): UnionToIntersection<Parts[number]> {
  const combined: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(combined, name)) throw new Error(`"${name}" is declared twice in the contract.`)
      combined[name] = value
    }
  }
  return combined as UnionToIntersection<Parts[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** Every transport answers in this shape, so errors cross process boundaries as data. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string }
