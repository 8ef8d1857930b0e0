// The API contract in the same process (the command line, tests): the same validation as IPC and HTTP.
import type { Client, Handlers } from '../../shared/api'
import { UserError } from '../engine/errors'
import { dispatch } from './dispatch'

export function inProcessClient(handlers: Handlers): Client {
  return {
    async call(name, input) {
      const reply = await dispatch(handlers, name, input)
      if (!reply.ok) throw new UserError(reply.error)
      return reply.value as never
    }
  }
}
