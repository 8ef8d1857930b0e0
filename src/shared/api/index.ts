// THE contract between every client (the window over IPC or HTTP, the command line, the bench, the tests)
// and the engine: each domain declares its calls and events in a file of its own, combined here. The
// transports and the clients are generic over it; the engine checks every input against its schema.
import type { z } from 'zod'
import { combine, type CallSpec } from './contract'
import { jobsCalls, jobsEvents } from './jobs'
import { moderationCalls, moderationEvents } from './moderation'
import { reportsCalls } from './reports'
import { scoringCalls, scoringEvents } from './scoring'
import { settingsCalls, settingsEvents } from './settings'
import { sourcesCalls, sourcesEvents } from './sources'
import { teamCalls, teamEvents } from './team'

export const api = combine(settingsCalls, moderationCalls, scoringCalls, sourcesCalls, reportsCalls, jobsCalls, teamCalls)
export const events = combine(settingsEvents, moderationEvents, scoringEvents, sourcesEvents, jobsEvents, teamEvents)

export type Api = typeof api
export type CallName = keyof Api
/** What a caller passes (defaults may be left out). */
export type CallInput<N extends CallName> = z.input<Api[N]['input']>
/** What a handler receives, after validation and defaults. */
export type ParsedInput<N extends CallName> = z.output<Api[N]['input']>
export type CallResult<N extends CallName> = Api[N]['result']

export type EngineEvents = typeof events
export type EventName = keyof EngineEvents
/** One event as it crosses a transport. */
export type EngineEvent = { [N in EventName]: { name: N; payload: EngineEvents[N] } }[EventName]

export interface Client {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>>
}

/** Hears every event the engine sends; returns the way to stop hearing. */
export type Subscribe = (listener: (event: EngineEvent) => void) => () => void

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

export function callSpec(name: CallName): CallSpec {
  return api[name] as CallSpec
}

export type { CallKind, CallSpec, Reply } from './contract'
export type { Session } from './settings'
export type { CommentsDecided } from './moderation'
export type { ScoringProgress, LearnReport, EvaluateResult } from './scoring'
export type { ExportedFile, ReportWritten } from './reports'
export type { FileFormat, ImportFileReport, ImportNote, ImportReport, PullRejection, PullReport, PullResult, Rejection } from './sources'
export { FILE_FORMATS } from './sources'
