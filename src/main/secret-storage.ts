// Where the desktop app keeps API keys and site passwords. Electron's safeStorage encrypts them with the
// OS keychain, except on a Linux desktop with no keyring it can use: there it picks "basic_text", a
// password written into Chromium, which protects nothing while it looks like a keychain. Then secrets
// stay in the 0600 file, the settings say so, and what an earlier run encrypted that way is moved there.
// safeStorage comes in as an argument, so the choice is tested without Electron.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createFileSecretStore, type SecretCipher, type SecretStore } from './engine/secrets/secret-store'

/** The part of Electron's safeStorage Sieve uses. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean
  /** Linux only. */
  getSelectedStorageBackend(): string
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

export const KEYCHAIN_FILE = 'secrets.keychain.json'
export const PLAIN_FILE = 'secrets.json'

/** Linux backends that are no keychain: a fixed password, or none chosen yet. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown'])

export function desktopSecretStore(safeStorage: SafeStorage, platform: NodeJS.Platform, dataDir: string): SecretStore {
  const cipher: SecretCipher = {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64'))
  }
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null
  if (safeStorage.isEncryptionAvailable() && (backend === null || !NOT_A_KEYCHAIN.has(backend))) {
    const by = backend === null ? 'the OS keychain' : `the OS keychain (${backend})`
    return createFileSecretStore(join(dataDir, KEYCHAIN_FILE), cipher, process.env, `Keys and passwords are encrypted by ${by} and kept in ${KEYCHAIN_FILE} beside the database.`)
  }
  const why =
    backend !== null && NOT_A_KEYCHAIN.has(backend)
      ? `this desktop has no keyring Sieve can use (Electron's safeStorage would fall back to "${backend}", a fixed password that protects nothing)`
      : 'this desktop offers no keychain to encrypt them with'
  const store = createFileSecretStore(
    join(dataDir, PLAIN_FILE),
    undefined,
    process.env,
    `Keys and passwords are kept unencrypted in ${PLAIN_FILE} beside the database, readable only by you (mode 0600): ${why}.`
  )
  moveOutOfKeychainFile(join(dataDir, KEYCHAIN_FILE), store, cipher)
  return store
}

/** Secrets an earlier run encrypted with a fallback "keychain": decrypted while it still can, into the 0600 file. */
function moveOutOfKeychainFile(path: string, into: SecretStore, cipher: SecretCipher): void {
  if (!existsSync(path)) return
  const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
  for (const [name, value] of Object.entries(stored)) {
    if (!into.has(name)) into.set(name, cipher.decrypt(value))
  }
  rmSync(path)
}
