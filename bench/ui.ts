// The browser measurements: how long the first rows of a big queue take to paint, and one keyboard step.
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium'
import { startSieve } from '../tests/e2e/support/sieve-server'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

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
    return { ui_open_ms: median(opens), ui_step_ms_p50: Number(median(steps).toFixed(1)) }
  } finally {
    await browser.close()
    await sieve.stop()
  }
}

// Timed inside the page, from the key presses to the frame that shows the next row as current. A string,
// so that no build helper leaks into the page.
const STEP_SCRIPT = `(async () => {
  const current = () => document.querySelector('[role=row][aria-current=true]')?.dataset.commentId
  const press = (key) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  const times = []
  for (let step = 0; step < 40; step++) {
    const rows = [...document.querySelectorAll('[role=row][data-comment-id]')].map((row) => row.dataset.commentId)
    const expected = rows[rows.indexOf(current()) + 2]
    const started = performance.now()
    press('j')
    press('a')
    await new Promise((done) => {
      const check = () => (current() === expected ? done() : requestAnimationFrame(check))
      requestAnimationFrame(check)
    })
    times.push(performance.now() - started)
  }
  return times
})()`
