// The scoring screen's scorers: a cloud scorer without a key says so; given a key (never shown back) it
// scores the queue on demand, and its scores appear beside the local scorer's in the detail pane.
import { runCli } from '../support/run-cli'
import { startModerationServer } from '../support/openai-moderation-server'
import { expect, test } from './support/fixtures'

test('an OpenAI-compatible server gets its key in the scoring screen and scores the queue on demand', async ({ page, queue, sieve }) => {
  const server = await startModerationServer('sk-test-e2e')
  expect(runCli(['scorer', 'set', 'openai', '--endpoint', server.baseUrl, '--db', sieve.dbPath]).code).toBe(0)

  await queue.menu('Scoring…')
  const dialog = page.getByRole('dialog', { name: 'Scoring' })
  const openai = dialog.locator('tr[data-scorer=openai]')
  await expect(dialog.locator('tr[data-scorer=perspective]')).toContainText('no-key')
  await expect(dialog.locator('tr[data-scorer=local]')).toContainText('ready')
  // The screen says where a key goes: in browser mode, the file only the user can read.
  await expect(dialog.locator('caption.secret-storage')).toHaveText(/kept in secrets\.json beside the database, readable only by you \(mode 0600\)/)
  // A self-hosted server may need no key, so it is tried; this one refuses, and the screen says so.
  await openai.getByRole('button', { name: 'Score now' }).click()
  await expect(openai).toContainText('invalid-key')
  await expect(openai.getByRole('button', { name: 'Score now' })).toBeDisabled()

  await openai.getByLabel(/API key/).fill('sk-test-e2e')
  await openai.getByRole('button', { name: 'Save key' }).click()
  await expect(openai).toContainText('ready')
  await expect(openai.getByLabel(/API key/)).toHaveValue('')
  await expect(openai.getByLabel(/API key/)).toHaveAttribute('placeholder', /a key is stored/)

  await openai.getByRole('button', { name: 'Score now' }).click()
  await expect(dialog).toContainText(/Scored 364 comments with/, { timeout: 30_000 })
  expect(server.batches.flat()).toHaveLength(364)
  await dialog.getByRole('button', { name: 'Close' }).click()

  await queue.press('o')
  const detail = page.getByRole('complementary', { name: 'Comment detail' })
  await expect(detail.locator('caption', { hasText: /openai/i })).toBeVisible()
})
