// The process boundaries are lint rules (eslint.config.mjs): the engine and the shared contract never import
// Electron, the shared contract and the renderer never import Node's built-ins. Each rule is shown firing on a
// small piece of code placed, by its file name, on the wrong side of a boundary — and staying quiet where the
// same import is allowed.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: resolve(__dirname, '../..') })

/** The boundary rules' messages for `code` as if it were the file at `filePath`. */
async function boundaryFindings(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax' || message.fatal)
    .map((message) => message.message)
}

const ENGINE = 'src/main/engine/moderation/fixture.ts'
const SHARED = 'src/shared/fixture.ts'
const RENDERER = 'src/renderer/src/queue/Fixture.tsx'

describe('the lint rules that keep the process boundaries', () => {
  it('refuse Electron in the engine, in any form', async () => {
    for (const code of [
      `import { app } from 'electron'\nexport const name = app.name`,
      `import { ipcMain } from 'electron/main'\nexport const bus = ipcMain`,
      `export const load = () => import('electron')`
    ]) {
      expect(await boundaryFindings(ENGINE, code), code).toEqual([expect.stringContaining('never import Electron')])
    }
  })

  it('refuse Electron and Node in the shared contract', async () => {
    for (const code of [
      `import { app } from 'electron'\nexport const name = app.name`,
      `import { readFileSync } from 'node:fs'\nexport const read = readFileSync`,
      `import { join } from 'path'\nexport const joined = join('a', 'b')`,
      `import { readFile } from 'fs/promises'\nexport const read = readFile`,
      `import { test } from 'node:test'\nexport const t = test`,
      `export const load = () => import('node:crypto')`
    ]) {
      expect(await boundaryFindings(SHARED, code), code).toHaveLength(1)
    }
  })

  it('refuse Node in the renderer', async () => {
    for (const code of [
      `import { readFileSync } from 'node:fs'\nexport const read = readFileSync`,
      `import { readFileSync } from 'fs'\nexport const read = readFileSync`,
      `import os from 'os'\nexport const cores = os.cpus()`,
      `export const load = () => import('child_process')`
    ]) {
      expect(await boundaryFindings(RENDERER, code), code).toEqual([expect.stringContaining('run without Node')])
    }
  })

  it('let the engine use Node, the Electron main process use Electron, and the renderer use its libraries', async () => {
    expect(await boundaryFindings(ENGINE, `import { readFileSync } from 'node:fs'\nexport const read = readFileSync`)).toEqual([])
    expect(await boundaryFindings('src/main/window.ts', `import { BrowserWindow } from 'electron'\nexport const W = BrowserWindow`)).toEqual([])
    expect(await boundaryFindings(RENDERER, `import { useState } from 'react'\nexport const use = useState`)).toEqual([])
    expect(await boundaryFindings(SHARED, `import { z } from 'zod'\nexport const schema = z.string()`)).toEqual([])
  })
})
