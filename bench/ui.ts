// The browser measurements: how long the first rows of a big queue take to paint, and one keyboard step
// (`j` then `a`: the next comment, approved, the one after it current).
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium'
import { startSieve } from '../tests/e2e/support/sieve-server'

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
const median = (values: number[]) => quantile(values, 0.5)

export async function measureUi(dbPath: string, log: (message: string) => void): Promise<Record<string, number>> {
  log('Browser mode: opening the queue and stepping through it...')
  const sieve = await startSieve({ dbPath })
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const opens: number[] = []
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage()
      const started = Date.now()
      await page.goto(sieve.url)
      await page.locator('[role=row][aria-current=true]').waitFor()
      opens.push(Date.now() - started)
      await page.close()
    }

    const page = await browser.newPage()
    await page.goto(sieve.url)
    await page.locator('[role=row][aria-current=true]').waitFor()
    const steps = (await page.evaluate(STEP_SCRIPT)) as number[]
    return {
      ui_open_ms: median(opens),
      ui_step_ms_p50: Number(median(steps).toFixed(1)),
      ui_step_ms_p95: Number(quantile(steps, 0.95).toFixed(1))
    }
  } finally {
    await browser.close()
    await sieve.stop()
  }
}

// Timed inside the page, from the key presses to the moment the page shows the next row as current and
// has laid it out (what has to fit in a frame; the frame itself then paints at the screen's next refresh,
// which is no work of Sieve's and is left out). Steps come a tenth of a second apart, a fast moderator's
// pace, so each starts where the last left the page. A string, so that no build helper leaks into the page.
const STEP_SCRIPT = `(async () => {
  const current = () => document.querySelector('[role=row][aria-current=true]')
  const press = (key) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  const times = []
  for (let step = 0; step < 60; step++) {
    await new Promise((done) => setTimeout(done, 100))
    const rows = [...document.querySelectorAll('[role=row][data-comment-id]')].map((row) => row.dataset.commentId)
    const expected = rows[rows.indexOf(current()?.dataset.commentId) + 2]
    if (expected === undefined) break
    const started = performance.now()
    const shown = new Promise((done) => {
      const observer = new MutationObserver(() => {
        const row = current()
        if (row?.dataset.commentId !== expected) return
        row.getBoundingClientRect()
        observer.disconnect()
        done(performance.now() - started)
      })
      observer.observe(document.querySelector('[role=grid]'), { attributes: true, childList: true, subtree: true })
    })
    press('j')
    press('a')
    times.push(await shown)
  }
  return times
})()`
