// API keys and site passwords live here, never in the database, exports or logs. A 0600 JSON file beside
// the database; on the desktop each value is encrypted with Electron's safeStorage (the OS keychain) through
// a cipher; an environment variable SIEVE_SECRET_<NAME> overrides a stored value (servers, CI).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
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

/**
 * Where a secret store lives, as data that can cross to another thread or process: its file and, where
 * the values are sealed, the key (base64) that seals them. The desktop keeps that key in the OS keychain.
 */
export interface SecretsPlan {
  file: string
  key?: string
  location?: string
}

export function secretStoreFrom(plan: SecretsPlan): SecretStore {
  return createFileSecretStore(plan.file, plan.key ? sealedCipher(Buffer.from(plan.key, 'base64')) : undefined, process.env, plan.location)
}

/** AES-256-GCM with a fresh nonce per value: iv, tag and ciphertext together, base64. */
export function sealedCipher(key: Buffer): SecretCipher {
  if (key.length !== 32) throw new Error('A secrets key is 32 bytes.')
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')
    },
    decrypt(stored) {
      const bytes = Buffer.from(stored, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
      decipher.setAuthTag(bytes.subarray(12, 28))
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}
