// One scoring thread: loads the local model once and scores the batches it is sent, in order.
import { parentPort, workerData } from 'node:worker_threads'
import { createModelScorer } from '../model/model-scorer'
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './messages'

const { modelPath } = workerData as WorkerSetup
const scorer = createModelScorer(modelPath)

parentPort!.on('message', async ({ id, texts }: WorkerRequest) => {
  let response: WorkerResponse
  try {
    // As one JSON string: cheaper to pass between threads than thousands of small objects.
    response = { id, results: JSON.stringify(await scorer.score(texts)) }
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(response)
})
