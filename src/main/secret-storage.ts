// Where the desktop app keeps API keys and site passwords. The engine runs in a process of its own, where
// Electron's safeStorage is not available: so the OS keychain (through safeStorage, here in the main
// process) keeps one key, and the engine's threads seal each value with it (AES-256-GCM) in a 0600 file.
// On a Linux desktop with no keyring safeStorage can use, it picks "basic_text", a password written into
// Chromium, which protects nothing while it looks like a keychain: then secrets stay in the 0600 file,
// unsealed, and the settings say so. What earlier runs kept elsewhere is moved in while it can be read.
// safeStorage comes in as an argument, so the choice is tested without Electron.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writePrivateFile } from './engine/private-files'
import { secretStoreFrom, type SecretCipher, type SecretStore, type SecretsPlan } from './engine/secrets/secret-store'

/** The part of Electron's safeStorage Sieve uses. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean
  /** Linux only. */
  getSelectedStorageBackend(): string
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Earlier runs: each value encrypted by safeStorage itself. */
export const KEYCHAIN_FILE = 'secrets.keychain.json'
/** Each value sealed with the key the keychain keeps. */
export const SEALED_FILE = 'secrets.sealed.json'
/** That key, encrypted by the keychain. */
export const KEY_FILE = 'secrets.key'
export const PLAIN_FILE = 'secrets.json'

/** Linux backends that are no keychain: a fixed password, or none chosen yet. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown'])

export function desktopSecretPlan(safeStorage: SafeStorage, platform: NodeJS.Platform, dataDir: string): SecretsPlan {
  const keychainCipher: SecretCipher = {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64'))
  }
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null
  let plan: SecretsPlan
  if (safeStorage.isEncryptionAvailable() && (backend === null || !NOT_A_KEYCHAIN.has(backend))) {
    const by = backend === null ? 'the OS keychain' : `the OS keychain (${backend})`
    plan = {
      file: join(dataDir, SEALED_FILE),
      key: keychainKey(join(dataDir, KEY_FILE), keychainCipher).toString('base64'),
      location: `Keys and passwords are encrypted with a key kept by ${by}, in ${SEALED_FILE} beside the database.`
    }
  } else {
    const why =
      backend !== null && NOT_A_KEYCHAIN.has(backend)
        ? `this desktop has no keyring Sieve can use (Electron's safeStorage would fall back to "${backend}", a fixed password that protects nothing)`
        : 'this desktop offers no keychain to encrypt them with'
    plan = { file: join(dataDir, PLAIN_FILE), location: `Keys and passwords are kept unencrypted in ${PLAIN_FILE} beside the database, readable only by you (mode 0600): ${why}.` }
  }
  moveOutOfKeychainFile(join(dataDir, KEYCHAIN_FILE), secretStoreFrom(plan), keychainCipher)
  return plan
}

/** The store the plan describes (the engine's threads each make their own from the plan). */
export function desktopSecretStore(safeStorage: SafeStorage, platform: NodeJS.Platform, dataDir: string): SecretStore {
  return secretStoreFrom(desktopSecretPlan(safeStorage, platform, dataDir))
}

/** The sealing key, made on first use and kept encrypted by the keychain. */
function keychainKey(path: string, keychain: SecretCipher): Buffer {
  if (!existsSync(path)) writePrivateFile(path, keychain.encrypt(randomBytes(32).toString('base64')))
  return Buffer.from(keychain.decrypt(readFileSync(path, 'utf8').trim()), 'base64')
}

/** Secrets an earlier run encrypted value by value: decrypted while they still can be, into the store in use. */
function moveOutOfKeychainFile(path: string, into: SecretStore, cipher: SecretCipher): void {
  if (!existsSync(path)) return
  const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
  for (const [name, value] of Object.entries(stored)) {
    if (!into.has(name)) into.set(name, cipher.decrypt(value))
  }
  rmSync(path)
}
