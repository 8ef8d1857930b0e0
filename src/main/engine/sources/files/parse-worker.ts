// The import's parsing thread: reads the file, parses and validates each record with the format's reader,
// and posts them in batches, so the thread that writes to the database only writes. At most a few batches
// are on their way at once (the writer asks for more), so a big file costs a few batches of memory.
import { parentPort, workerData } from 'node:worker_threads'
import type { CsvMapping } from './csv'
import type { FileFormat } from './detect-format'
import { openFileInput } from './file-input'
import { formatRecords, type CsvSetup } from './format-records'
import { batchesOf, type ParsedBatch } from './parsed-batches'

export interface ParseSetup {
  path: string
  format: FileFormat
  batchSize: number
  csv?: CsvSetup
}

export type ParseMessage =
  | { batch: ParsedBatch }
  | { mapping: CsvMapping }
  | { done: true }
  | { error: string; userError: boolean }

/** The writer's side: one credit per batch it is ready for. */
export type ParseRequest = { more: number } | { stop: true }

const setup = workerData as ParseSetup
const post = (message: ParseMessage) => parentPort!.postMessage(message)

let credit = 0
let stopped = false
let wake: (() => void) | null = null
parentPort!.on('message', (request: ParseRequest) => {
  if ('stop' in request) stopped = true
  else credit += request.more
  wake?.()
  wake = null
})

async function main(): Promise<void> {
  const input = await openFileInput(setup.path)
  try {
    for await (const batch of batchesOf(formatRecords(input.text, setup.format, setup.csv, (mapping) => post({ mapping })), input, setup.batchSize)) {
      while (credit === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve))
      if (stopped) break
      credit--
      post({ batch })
    }
  } finally {
    input.close()
  }
  post({ done: true })
}

main().catch((error: unknown) =>
  post({ error: error instanceof Error ? error.message : String(error), userError: error instanceof Error && error.name === 'UserError' })
)
