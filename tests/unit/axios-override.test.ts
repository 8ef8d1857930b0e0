// perspective-api-client asks for axios ^0.18; package.json `overrides` must give it the patched 0.x line.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const PATCHED = [0, 35, 0]

function resolvedAxiosVersion(): number[] {
  const fromClient = createRequire(createRequire(import.meta.url).resolve('perspective-api-client'))
  const manifest = JSON.parse(readFileSync(fromClient.resolve('axios/package.json'), 'utf8')) as { version: string }
  return manifest.version.split('-')[0].split('.').map(Number)
}

const atLeast = (version: number[], floor: number[]) => {
  for (let i = 0; i < floor.length; i++) if (version[i] !== floor[i]) return version[i] > floor[i]
  return true
}

describe('the axios perspective-api-client runs on', () => {
  it(`is ${PATCHED.join('.')} or later, not the vulnerable 0.18 it pins`, () => {
    const version = resolvedAxiosVersion()
    expect(atLeast(version, PATCHED), version.join('.')).toBe(true)
  })
})
