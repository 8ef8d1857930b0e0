/** The single IPC channel the preload and the main process speak over. */
export const IPC_CHANNEL = 'sieve:call'
