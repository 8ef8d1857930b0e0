// A slice is one domain's part of the engine: its calls from the contract and their handlers. Queries
// and commands are built apart so that, with the engine on threads of its own, a reader answers the
// queries and the writer the commands, each from the same code. engine.ts combines the slices.
import type { z } from 'zod'
import type { CallKind, CallSpec } from '../../shared/api'
import type { EngineContext } from './context'

type Handler<S> = S extends CallSpec<infer I, infer R, CallKind> ? (input: z.output<I>) => R | Promise<R> : never

type CallsOfKind<Calls, K> = { [N in keyof Calls as Calls[N] extends { kind: K } ? N : never]: Calls[N] }

/** The handlers of a domain's queries (or commands), one per call of that kind. */
export type HandlersOf<Calls> = { [N in keyof Calls]: Handler<Calls[N]> }
export type QueryHandlers<Calls> = HandlersOf<CallsOfKind<Calls, 'query'>>
export type CommandHandlers<Calls> = HandlersOf<CallsOfKind<Calls, 'command'>>

export interface Slice<Calls extends Record<string, CallSpec> = Record<string, CallSpec>> {
  name: string
  calls: Calls
  queries(context: EngineContext): QueryHandlers<Calls>
  commands(context: EngineContext): CommandHandlers<Calls>
}

export function slice<Calls extends Record<string, CallSpec>>(
  name: string,
  calls: Calls,
  handlers: { queries: (context: EngineContext) => QueryHandlers<NoInfer<Calls>>; commands: (context: EngineContext) => CommandHandlers<NoInfer<Calls>> }
): Slice<Calls> {
  return { name, calls, ...handlers }
}

export type AnyHandler = (input: unknown) => unknown

/** Which calls a thread of the engine answers (all of them when the engine runs in one thread). */
export type Answers = (spec: CallSpec) => boolean
export const ALL_CALLS: Answers = () => true

/**
 * The handlers of every slice for the calls `answers` picks, by name. A name two slices both handle, or a
 * call of the contract no slice handles, is refused here, when the engine starts.
 */
export function combineSlices(slices: readonly Slice[], context: EngineContext, contract: Record<string, CallSpec>, answers: Answers = ALL_CALLS): Map<string, AnyHandler> {
  const handlers = new Map<string, AnyHandler>()
  for (const part of slices) {
    const built = { ...part.queries(context), ...part.commands(context) } as Record<string, AnyHandler>
    for (const [name, handler] of Object.entries(built)) {
      if (handlers.has(name)) throw new Error(`The call "${name}" is handled by two slices.`)
      if (!Object.hasOwn(part.calls, name)) throw new Error(`The ${part.name} slice handles "${name}", which it does not declare.`)
      if (answers(part.calls[name])) handlers.set(name, handler)
    }
  }
  for (const [name, spec] of Object.entries(contract)) {
    if (answers(spec) && !handlers.has(name)) throw new Error(`No slice handles the call "${name}".`)
  }
  return handlers
}
