// The PDF is printed by a real headless Chromium and read back with pdftotext (poppler-utils).
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumPrinter } from '../../src/main/pdf/chromium-printer'
import { reportFixture, WHOLE_PERIOD } from '../support/report-fixture'

function pdfText(path: string): string[] {
  // One string per page: pdftotext separates pages with a form feed.
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim())
}

describe('the PDF summary', () => {
  it('is A4 with the publisher, the period, the generation time and "Page n of N" on every page', async () => {
    const { dir, engineFor } = await reportFixture()
    const engine = await engineFor('viewer', { printToPdf: chromiumPrinter, now: () => new Date('2026-08-19T07:30:00Z') })
    const file = await engine.call('exportReport', { filter: WHOLE_PERIOD, format: 'pdf' })
    expect(file).toMatchObject({ mime: 'application/pdf', encoding: 'base64', filename: 'sieve-report-2026-08-17-to-2026-08-18.pdf' })
    const path = join(dir, file.filename)
    writeFileSync(path, Buffer.from(file.content, 'base64'))

    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)/)
    const pageCount = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pageCount).toBeGreaterThanOrEqual(2)

    const pages = pdfText(path)
    expect(pages).toHaveLength(pageCount)
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pageCount}`)
      expect(page).toContain('News18 (demo)')
      expect(page).toContain('Moderation report 2026-08-17 to 2026-08-18')
      expect(page).toContain('Generated 2026-08-19T07:30:00.000Z')
    })
    const all = pages.join('\n')
    expect(all).toContain('Removals by Terms-of-Use clause')
    expect(all).toMatch(/Threat of violence\s+threat\s+1/)
    expect(all).toContain('<img src=x onerror=alert(1)> Budget & "reforms"')
  }, 60_000)
})
