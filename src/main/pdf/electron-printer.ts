// Printing reports to PDF on the desktop with Electron's own Chromium: an invisible, sandboxed window
// with JavaScript off loads the report and prints it. Imported by the Electron entry only.
import { BrowserWindow } from 'electron'
import type { PdfPrinter } from '../engine/reports/pdf'

const MM_PER_INCH = 25.4

export const electronPrinter: PdfPrinter = async ({ html, headerTemplate, footerTemplate, marginsMm }) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true }
  })
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    const inches = (value: number) => value / MM_PER_INCH
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      margins: { top: inches(marginsMm.top), bottom: inches(marginsMm.bottom), left: inches(marginsMm.left), right: inches(marginsMm.right) }
    })
  } finally {
    window.destroy()
  }
}
