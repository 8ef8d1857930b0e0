// Where Sieve keeps its files: the same folder Electron's app.getPath('userData') gives the desktop app,
// so the command line and the window share one database.
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultDataDir(): string {
  const home = homedir()
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'sieve')
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'sieve')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'sieve')
  }
}

export function defaultDbPath(): string {
  return process.env.SIEVE_DB || join(defaultDataDir(), 'sieve.db')
}
