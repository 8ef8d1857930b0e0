// Doyensec's electronegativity over Sieve's Electron code (main, preload and the renderer's page): no
// finding of high severity. Run over a deliberately insecure window first, to show it would catch one.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { version as electronVersion } from 'electron/package.json'

interface Finding {
  id: string
  file: string
  severity: { name: string }
  location: { line: number }
  manualReview: boolean
}
type Run = (options: { input: string; isVerbose: boolean; electronVersionOverride: string }) => Promise<{ issues: Finding[]; errors: unknown[] }>

// The package is CommonJS without types; its command line breaks on a newer commander, its API does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS
const electronegativity = require('@doyensec/electronegativity') as Run

async function highFindings(input: string): Promise<string[]> {
  const { issues, errors } = await electronegativity({ input, isVerbose: false, electronVersionOverride: electronVersion })
  expect(errors).toEqual([])
  return issues.filter((issue) => issue.severity.name === 'HIGH').map((issue) => `${issue.id} ${issue.file}:${issue.location.line}`)
}

describe('electronegativity', () => {
  it('finds the holes in an insecure window', { timeout: 60_000 }, async () => {
    const found = await highFindings(resolve(__dirname, '../fixtures/electron-insecure'))
    expect(found.join('\n')).toMatch(/CONTEXT_ISOLATION_JS_CHECK/)
    expect(found.join('\n')).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/)
  })

  it('finds nothing of high severity in Sieve', { timeout: 120_000 }, async () => {
    expect(await highFindings(resolve(__dirname, '../../src'))).toEqual([])
  })
})
