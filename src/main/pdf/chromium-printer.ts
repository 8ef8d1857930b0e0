// Printing reports to PDF with a headless Chromium (the CLI and browser mode; the desktop app uses
// Electron's own printToPDF). The page gets no network and no JavaScript: the report needs neither.
import { existsSync } from 'node:fs'
import type { PdfPrinter } from '../engine/reports/pdf'
import { UserError } from '../engine/errors'

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']

/** $CHROMIUM_PATH, else the distribution's Chromium, else whatever playwright-core finds for itself. */
function chromiumExecutable(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => !!path && existsSync(path))
}

export const chromiumPrinter: PdfPrinter = async ({ html, headerTemplate, footerTemplate, marginsMm }) => {
  let playwright: typeof import('playwright-core')
  try {
    playwright = await import('playwright-core')
  } catch {
    throw new UserError('PDF needs the playwright-core package and a Chromium (set CHROMIUM_PATH); save the HTML report instead.')
  }
  const browser = await playwright.chromium.launch({ executablePath: chromiumExecutable(), args: ARGS, headless: true })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    const mm = (value: number) => `${value}mm`
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      margin: { top: mm(marginsMm.top), bottom: mm(marginsMm.bottom), left: mm(marginsMm.left), right: mm(marginsMm.right) }
    })
  } finally {
    await browser.close()
  }
}
