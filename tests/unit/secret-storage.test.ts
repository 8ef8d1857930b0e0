// Where the desktop keeps secrets, decided against a recording stand-in for Electron's safeStorage (named
// safeStorageStub below: Electron's binary cannot run here). On Linux, safeStorage's "basic_text" backend
// is a fixed password, not a keychain: secrets then stay in the 0600 file, unencrypted, and the settings
// say so; a real keyring gets them encrypted.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { desktopSecretStore, KEY_FILE, KEYCHAIN_FILE, PLAIN_FILE, SEALED_FILE } from '../../src/main/secret-storage'
import { tempDir } from '../support/temp-dir'

/** Records what Sieve asks of it; "encrypts" by reversing and tagging, so a test can tell it happened. */
function safeStorageStub(backend: string, available = true) {
  const calls: string[] = []
  return {
    calls,
    isEncryptionAvailable: () => (calls.push('isEncryptionAvailable'), available),
    getSelectedStorageBackend: () => (calls.push('getSelectedStorageBackend'), backend),
    encryptString: (plain: string) => (calls.push('encryptString'), Buffer.from(`enc:${[...plain].reverse().join('')}`)),
    decryptString: (encrypted: Buffer) => (calls.push('decryptString'), [...encrypted.toString().slice(4)].reverse().join(''))
  }
}

describe("the desktop's secret store", () => {
  it('on Linux with basic_text, keeps secrets in the 0600 file and never hands them to safeStorage', () => {
    const dir = tempDir()
    const stub = safeStorageStub('basic_text')
    const store = desktopSecretStore(stub, 'linux', dir)
    store.set('scorer:openai:key', 'sk-basic-text')
    expect(store.get('scorer:openai:key')).toBe('sk-basic-text')
    expect(stub.calls).not.toContain('encryptString')
    expect(existsSync(join(dir, KEYCHAIN_FILE))).toBe(false)
    expect(statSync(join(dir, PLAIN_FILE)).mode & 0o777).toBe(0o600)
    expect(store.location).toMatch(/kept unencrypted in secrets\.json .*mode 0600.*no keyring Sieve can use .*"basic_text", a fixed password/)
  })

  it('moves what an earlier run encrypted with basic_text into the 0600 file', () => {
    const dir = tempDir()
    const stub = safeStorageStub('basic_text')
    writeFileSync(join(dir, KEYCHAIN_FILE), JSON.stringify({ 'source:Daily:password': stub.encryptString('abcd efgh').toString('base64') }))
    const store = desktopSecretStore(stub, 'linux', dir)
    expect(store.get('source:Daily:password')).toBe('abcd efgh')
    expect(existsSync(join(dir, KEYCHAIN_FILE))).toBe(false)
    expect(JSON.parse(readFileSync(join(dir, PLAIN_FILE), 'utf8'))).toEqual({ 'source:Daily:password': 'abcd efgh' })
  })

  it('with a real keyring (or off Linux), encrypts through safeStorage and says which', () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['darwin', 'unused']] as const) {
      const dir = tempDir()
      const stub = safeStorageStub(backend)
      const store = desktopSecretStore(stub, platform, dir)
      store.set('scorer:openai:key', 'sk-keychain')
      // The keychain keeps the sealing key; the value itself is sealed with it, never written in the clear.
      expect(stub.calls, platform).toContain('encryptString')
      expect(readFileSync(join(dir, KEY_FILE), 'utf8'), platform).toMatch(/^ZW5j/) // "enc…" from the stand-in, base64
      expect(readFileSync(join(dir, SEALED_FILE), 'utf8'), platform).not.toContain('sk-keychain')
      expect(statSync(join(dir, SEALED_FILE)).mode & 0o777).toBe(0o600)
      expect(store.get('scorer:openai:key'), platform).toBe('sk-keychain')
      // Another thread or process with the same plan reads it back.
      expect(desktopSecretStore(stub, platform, dir).get('scorer:openai:key'), platform).toBe('sk-keychain')
      expect(store.location, platform).toMatch(/encrypted with a key kept by the OS keychain/)
      if (platform === 'darwin') expect(stub.calls).not.toContain('getSelectedStorageBackend')
      else expect(store.location).toContain('gnome_libsecret')
    }
  })

  it('without any encryption available, keeps the 0600 file and says why', () => {
    const store = desktopSecretStore(safeStorageStub('unused', false), 'win32', tempDir())
    expect(store.location).toMatch(/unencrypted in secrets\.json .*offers no keychain/)
  })

  it('with a keyring, moves what an earlier run kept encrypted value by value into the sealed file', () => {
    const dir = tempDir()
    const stub = safeStorageStub('gnome_libsecret')
    writeFileSync(join(dir, KEYCHAIN_FILE), JSON.stringify({ 'source:Daily:password': stub.encryptString('abcd efgh').toString('base64') }))
    const store = desktopSecretStore(stub, 'linux', dir)
    expect(store.get('source:Daily:password')).toBe('abcd efgh')
    expect(existsSync(join(dir, KEYCHAIN_FILE))).toBe(false)
    expect(readFileSync(join(dir, SEALED_FILE), 'utf8')).not.toContain('abcd efgh')
  })
})
