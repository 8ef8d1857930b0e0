// The contract in the same process (the command line, the bench, tests): the same door and the same
// validation as IPC and HTTP; a refused call throws, with the engine's message.
import type { Client } from '../../shared/api'
import type { Engine } from '../engine/door'
import { UserError } from '../engine/errors'

export function clientOf(engine: Engine): Client {
  return {
    async call(name, input) {
      const reply = await engine.dispatch(name, input, 'local')
      if (!reply.ok) throw new UserError(reply.error)
      return reply.value as never
    }
  }
}
