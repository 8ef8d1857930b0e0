// The retraining thread: trains and checks one model (model/retrain.ts), writes it if it is kept, says how.
import { parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../../../errors'
import { retrain, type RetrainOptions } from '../model/retrain'
import type { RetrainReply } from './retrain-off-thread'

const reply = (message: RetrainReply) => parentPort!.postMessage(message)

retrain(workerData as RetrainOptions).then(
  (report) => reply({ report }),
  (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error), userError: error instanceof UserError })
)
