// The summary as PDF: the same HTML, printed by a Chromium the caller supplies (Electron's printToPDF on
// the desktop, headless Chromium on the CLI and in browser mode), so the engine never imports Electron.
import type { ReportSummary } from '../../../shared/reports'
import { escapeHtml } from './html'
import { describePeriod } from './summary-html'

/** A4 pages with these margins in millimetres, the header and footer drawn inside them. */
export interface PrintRequest {
  html: string
  /** Chromium's header/footer templates: elements with class pageNumber / totalPages are filled in. */
  headerTemplate: string
  footerTemplate: string
  marginsMm: { top: number; bottom: number; left: number; right: number }
}

export type PdfPrinter = (request: PrintRequest) => Promise<Buffer>

// Header and footer templates render in their own tiny document: they need inline font sizes and get no
// stylesheet from the page.
const BAND = 'font-size:8px;font-family:sans-serif;color:#444;width:100%;padding:0 12mm;display:flex;justify-content:space-between'

export function printRequest(summary: ReportSummary, html: string): PrintRequest {
  return {
    html,
    headerTemplate: `<div style="${BAND}"><span>${escapeHtml(summary.publisher)}</span><span>Moderation report ${escapeHtml(describePeriod(summary))}</span></div>`,
    footerTemplate:
      `<div style="${BAND}"><span>Generated ${escapeHtml(summary.generatedAt)}</span>` +
      `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    marginsMm: { top: 18, bottom: 18, left: 12, right: 12 }
  }
}
