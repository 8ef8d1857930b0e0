// Scorers as the engine offers them: each one's state and settings, configuring it (settings in the
// settings table, the key in the secret store), and running it over the unscored comments — remote
// scorers through the score cache. A failed run is remembered so the settings screen can say why.
import { z } from 'zod'
import type { ScorerInfo } from '../../../shared/model'
import { SCORER_STATES } from '../../../shared/model'
import { UserError } from '../errors'
import type { SecretStore } from '../secrets/secret-store'
import type { Db } from '../database/database'
import { readSetting, writeSetting } from '../settings/store/settings'
import { withScoreCache } from './cached-scorer'
import { scoreUnscored, type ScoringProgress } from './run-scorer'
import type { Projection } from './store/scores'
import { keyOrigins } from './key-origins'
import { scorerKeyName, type Scorer, type ScorerStatus } from './scorer'
import { ScorerError } from './scorer-error'
import { createScorer, scorerNames } from './scorers'

export interface ScorerServiceOptions {
  db: Db
  secrets: SecretStore
  resourcesDir: string
  dataDir: string
  now: () => Date
}

export interface ScorerConfiguration {
  name: string
  settings?: Record<string, unknown>
  /** A new API key; null forgets the stored one; absent leaves it. */
  key?: string | null
}

export interface ScorerService {
  list(): ScorerInfo[]
  describe(name: string): ScorerInfo
  configure(configuration: ScorerConfiguration): ScorerInfo
  /** The scorer itself, built with its stored settings. */
  create(name: string): Scorer
  /** Scores what `name` has not scored; give `projection` for the scorer whose scores order the queues. */
  run(
    name: string,
    options?: { signal?: AbortSignal; onProgress?: (progress: ScoringProgress) => void; projection?: Projection | null }
  ): Promise<ScoringProgress>
}

const settingsKey = (name: string) => `scorer.${name}`
const failureKey = (name: string) => `scorerFailure.${name}`
const storedSettingsSchema = z.record(z.string(), z.unknown())
const failureSchema = z.object({ state: z.enum(SCORER_STATES), detail: z.string() }).nullable()

export function createScorerService(options: ScorerServiceOptions): ScorerService {
  const { db, secrets, now } = options
  const keys = keyOrigins(db, secrets)
  /** The scorer is built with its stored settings (or these); its key reaches it only at the key's own origin. */
  const build = (name: string, settings?: unknown): Scorer => {
    // Assigned below, after `keyed`, which reads it when the scorer asks for its key.
    // eslint-disable-next-line prefer-const
    let scorer: Scorer | undefined
    const ownKey = scorerKeyName(name)
    const keyed: SecretStore = {
      ...secrets,
      get: (secret) => (secret !== ownKey ? secrets.get(secret) : scorer?.endpoint === undefined ? undefined : keys.keyFor(name, scorer.endpoint)),
      has: (secret) => keyed.get(secret) !== undefined
    }
    scorer = createScorer(name, {
      resourcesDir: options.resourcesDir,
      dataDir: options.dataDir,
      secrets: keyed,
      now,
      settings: settings ?? readSetting(db, settingsKey(name), storedSettingsSchema, {})
    })
    return scorer
  }
  const create = (name: string): Scorer => {
    try {
      return build(name)
    } catch (error) {
      // Settings another build wrote in a shape this one refuses: fall back to the defaults.
      if (error instanceof z.ZodError) return build(name, {})
      throw error
    }
  }
  const recordFailure = (name: string, status: ScorerStatus | null) => writeSetting(db, failureKey(name), status)
  /** What the scorer says of itself, unless a key was entered for another origin than its endpoint's. */
  const statusOf = (name: string, scorer: Scorer): ScorerStatus | undefined => {
    const status = scorer.status?.()
    const withheld = scorer.endpoint === undefined ? null : keys.withheld(name, scorer.endpoint)
    return withheld !== null && status?.state !== 'gone' ? { state: 'no-key', detail: withheld } : status
  }

  const describe = (name: string): ScorerInfo => {
    const scorer = create(name)
    let status: ScorerStatus = statusOf(name, scorer) ?? { state: 'ready', detail: 'Ready: works offline; nothing leaves this machine.' }
    if (status.state === 'ready') status = readSetting(db, failureKey(name), failureSchema, null) ?? status
    return {
      name,
      label: scorer.label,
      remote: scorer.remote,
      state: status.state,
      detail: status.detail,
      attributes: [...scorer.attributes],
      modelVersion: scorer.modelVersion,
      settings: { ...scorer.settings },
      hasKey: scorer.endpoint !== undefined && keys.keyFor(name, scorer.endpoint) !== undefined
    }
  }

  return {
    list: () => scorerNames().map(describe),
    describe,
    create,
    configure({ name, settings = {}, key }) {
      const before = create(name)
      const merged = { ...readSetting(db, settingsKey(name), storedSettingsSchema, {}), ...settings }
      let scorer: Scorer
      try {
        scorer = build(name, merged)
      } catch (error) {
        if (error instanceof z.ZodError) throw new UserError(`Settings for ${name} not saved: ${z.prettifyError(error)}`)
        throw error
      }
      if (Object.keys(settings).length && !scorer.settings) throw new UserError(`The ${name} scorer has no settings.`)
      if (key !== undefined && !scorer.remote) throw new UserError(`The ${name} scorer takes no key.`)
      writeSetting(db, settingsKey(name), merged)
      if (key === null) keys.forget(name)
      else if (key !== undefined) keys.set(name, key, scorer.endpoint!)
      // A key stays with the origin it was entered for: moving the endpoint elsewhere forgets it.
      else if (before.endpoint !== undefined && scorer.endpoint !== undefined) keys.moved(name, before.endpoint, scorer.endpoint)
      // New settings or a new key deserve a fresh try.
      recordFailure(name, null)
      return describe(name)
    },
    async run(name, { signal, onProgress, projection = null } = {}) {
      const scorer = create(name)
      const status = statusOf(name, scorer)
      if (status && status.state !== 'ready') throw new ScorerError(status.state, status.detail)
      if (scorer.endpoint !== undefined) keys.using(name, scorer.endpoint)
      let progress: ScoringProgress = { done: 0, total: 0 }
      try {
        progress = await scoreUnscored(db, scorer.remote ? withScoreCache(db, scorer, now) : scorer, {
          projection,
          now,
          signal,
          onProgress: (update) => {
            progress = { ...update }
            onProgress?.(update)
          }
        })
      } catch (error) {
        if (signal?.aborted) return progress
        if (!(error instanceof ScorerError)) throw error
        recordFailure(name, { state: error.state, detail: error.message })
        const kept = progress.done ? ` ${progress.done} of ${progress.total} comments were scored before it stopped; their scores are kept.` : ''
        throw new ScorerError(error.state, error.message + kept)
      }
      if (scorer.remote) recordFailure(name, null)
      return progress
    }
  }
}
