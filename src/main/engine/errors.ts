/** An error whose message is meant for the person at the keyboard; transports pass it on verbatim. */
export class UserError extends Error {
  override name = 'UserError'
}
