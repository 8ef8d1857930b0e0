// API keys and site passwords live here, never in the database, exports or logs. A 0600 JSON file beside
// the database; on the desktop each value is encrypted with Electron's safeStorage (the OS keychain) through
// a cipher; an environment variable SIEVE_SECRET_<NAME> overrides a stored value (servers, CI).
import { existsSync, readFileSync, renameSync } from 'node:fs'
import { basename } from 'node:path'
import { writePrivateFile } from '../private-files'

export interface SecretCipher {
  encrypt(plain: string): string
  decrypt(stored: string): string
}

export interface SecretStore {
  get(name: string): string | undefined
  set(name: string, value: string): void
  delete(name: string): void
  has(name: string): boolean
  /** Whether the value comes from the environment (which overrides the store and cannot be deleted). */
  fromEnvironment(name: string): boolean
  /** Where the secrets are kept, in a sentence for the settings screens. */
  readonly location: string
}

/** The environment variable that can hold a secret: "source:Daily Post:password" → SIEVE_SECRET_SOURCE_DAILY_POST_PASSWORD. */
export function secretEnvName(name: string): string {
  return `SIEVE_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`
}

const plainCipher: SecretCipher = { encrypt: (plain) => plain, decrypt: (stored) => stored }

export function createFileSecretStore(
  path: string,
  cipher: SecretCipher = plainCipher,
  env = process.env,
  location = `Keys and passwords are kept in ${basename(path)} beside the database, readable only by you (mode 0600).`
): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(path)) return {}
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
    } catch {
      throw new Error(`The secrets file ${path} could not be read; it was left as it is.`)
    }
  }
  const write = (values: Record<string, string>) => {
    const temporary = `${path}.${process.pid}.tmp`
    writePrivateFile(temporary, JSON.stringify(values, null, 2) + '\n')
    renameSync(temporary, path)
  }
  const store: SecretStore = {
    get(name) {
      const fromEnv = env[secretEnvName(name)]
      if (fromEnv) return fromEnv
      const values = read()
      return Object.hasOwn(values, name) ? cipher.decrypt(values[name]) : undefined
    },
    set(name, value) {
      write({ ...read(), [name]: cipher.encrypt(value) })
    },
    delete(name) {
      const values = read()
      if (!Object.hasOwn(values, name)) return
      delete values[name]
      write(values)
    },
    has: (name) => store.get(name) !== undefined,
    fromEnvironment: (name) => Boolean(env[secretEnvName(name)]),
    location
  }
  return store
}
