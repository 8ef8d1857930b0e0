// A cloud scorer's API key belongs to the origin it was entered for (a key from the environment: the
// origin it was first used with). Moving the scorer's endpoint to another origin forgets the stored key,
// and a key is only ever handed to a scorer whose endpoint is the key's own origin: not after the
// endpoint moved, not when the settings were changed behind Sieve's back.
import { z } from 'zod'
import type { SecretStore } from '../secrets/secret-store'
import type { Db } from '../database/database'
import { readSetting, writeSetting } from '../settings/store/settings'
import { originOf } from '../endpoint'
import { scorerKeyName } from './scorer'

const originKey = (scorer: string) => `scorerKeyOrigin.${scorer}`
const recordSchema = z.object({ origin: z.string() }).nullable()

export interface KeyOrigins {
  /** The key to send to `endpoint`, or undefined when there is none or it belongs to another origin. */
  keyFor(scorer: string, endpoint: string): string | undefined
  /** Why no key goes to `endpoint` although one was entered, in a sentence; null when that is not so. */
  withheld(scorer: string, endpoint: string): string | null
  /** A new key, entered for `endpoint`. */
  set(scorer: string, key: string, endpoint: string): void
  /** Forgets the stored key and the origin any key belonged to. */
  forget(scorer: string): void
  /** The endpoint moves: a stored key that belonged to the old origin is forgotten. */
  moved(scorer: string, from: string, to: string): void
  /** The key is about to be sent to `endpoint`: a key from the environment not yet tied to an origin is tied to this one. */
  using(scorer: string, endpoint: string): void
}

export function keyOrigins(db: Db, secrets: SecretStore): KeyOrigins {
  const recorded = (scorer: string) => readSetting(db, originKey(scorer), recordSchema, null)?.origin ?? null
  const record = (scorer: string, origin: string | null) => writeSetting(db, originKey(scorer), origin === null ? null : { origin })
  /** A key entered before origins were recorded belongs to the endpoint in force. */
  const ownerOf = (scorer: string, endpoint: string) => recorded(scorer) ?? originOf(endpoint)
  return {
    keyFor(scorer, endpoint) {
      const key = secrets.get(scorerKeyName(scorer))
      return key !== undefined && ownerOf(scorer, endpoint) === originOf(endpoint) ? key : undefined
    },
    withheld(scorer, endpoint) {
      const owner = recorded(scorer)
      const here = originOf(endpoint)
      if (owner === null || owner === here) return null
      return (
        `The API key was entered for ${owner}; the endpoint is now ${here}, so Sieve forgot the key and sends none there. ` +
        'Set a key for the new endpoint, or forget the old one (--forget-key) if the server needs none.'
      )
    },
    set(scorer, key, endpoint) {
      secrets.set(scorerKeyName(scorer), key)
      record(scorer, originOf(endpoint))
    },
    forget(scorer) {
      secrets.delete(scorerKeyName(scorer))
      record(scorer, null)
    },
    moved(scorer, from, to) {
      if (originOf(from) === originOf(to)) return
      const name = scorerKeyName(scorer)
      const stored = secrets.has(name) && !secrets.fromEnvironment(name)
      // A stored key entered before origins were recorded belonged to the endpoint it was used with.
      if (recorded(scorer) === null && stored) record(scorer, originOf(from))
      secrets.delete(name)
    },
    using(scorer, endpoint) {
      if (recorded(scorer) === null && secrets.has(scorerKeyName(scorer))) record(scorer, originOf(endpoint))
    }
  }
}
