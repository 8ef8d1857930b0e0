import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createFileSecretStore, secretEnvName } from '../../src/main/engine/secrets/secret-store'
import { tempDir } from '../support/temp-dir'

describe('the secret store', () => {
  it('keeps secrets in a file only its owner can read, whatever the umask', () => {
    // Under umask 077 any new file is 0600 already; under 022 it is 0644 unless the store says otherwise.
    const umask = process.umask(0o022)
    onTestFinished(() => void process.umask(umask))
    const path = join(tempDir(), 'secrets.json')
    const store = createFileSecretStore(path, undefined, {})
    store.set('source:Daily:password', 'abcd efgh')
    expect(store.get('source:Daily:password')).toBe('abcd efgh')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    store.set('scorer:openai:key', 'sk-second')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    store.delete('source:Daily:password')
    expect(store.has('source:Daily:password')).toBe(false)
  })

  it('writes values through the cipher (safeStorage on the desktop), never in the clear', () => {
    const path = join(tempDir(), 'secrets.json')
    const reverse = (text: string) => [...text].reverse().join('')
    const store = createFileSecretStore(path, { encrypt: reverse, decrypt: reverse }, {})
    store.set('scorer:perspective:key', 'AIza-secret')
    expect(readFileSync(path, 'utf8')).not.toContain('AIza-secret')
    expect(store.get('scorer:perspective:key')).toBe('AIza-secret')
  })

  it('lets an environment variable stand in for a stored value', () => {
    const env = { [secretEnvName('scorer:openai:key')]: 'from-env' }
    expect(secretEnvName('scorer:openai:key')).toBe('SIEVE_SECRET_SCORER_OPENAI_KEY')
    const store = createFileSecretStore(join(tempDir(), 'secrets.json'), undefined, env)
    expect(store.get('scorer:openai:key')).toBe('from-env')
  })
})
