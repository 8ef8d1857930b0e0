// Where calls and events travel between the window and the engine.

/** The IPC channel the preload sends calls over. */
export const IPC_CHANNEL = 'sieve:call'
/** The IPC channel the engine's events reach every window over. */
export const EVENT_CHANNEL = 'sieve:event'
/** Browser mode: calls are POSTs to API_PATH + name; events a server-sent stream at EVENTS_PATH. */
export const API_PATH = '/api/'
export const EVENTS_PATH = '/api/events'
