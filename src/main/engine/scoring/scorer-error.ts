// The one way a scorer fails: a state the settings screen can show and a sentence that never holds a key.
import type { ScorerState } from '../../../shared/model'
import { UserError } from '../errors'

export class ScorerError extends UserError {
  override name = 'ScorerError'
  constructor(
    readonly state: Exclude<ScorerState, 'ready'>,
    message: string
  ) {
    super(message)
  }
}

/** The sentence every unusable cloud scorer ends with. */
export const OFFER_LOCAL = 'The local scorer works offline and needs no key: `sieve score --scorer local`.'

/** A service's own error message, short and with the key blanked out (some services echo what they got). */
export function serviceSaid(message: string | undefined, key: string | undefined): string {
  const short = (message ?? '').slice(0, 200)
  return key ? short.split(key).join('[key]') : short
}
