// Retraining on a thread of its own: seconds of fine-tuning (minutes with the data sets) during which the
// engine's writer keeps answering, so a moderator's decisions never wait for the model to learn from them.
import { UserError } from '../../../errors'
import { spawnWorker } from '../../../threads/spawn-worker'
import type { RetrainOptions, RetrainReport } from '../model/retrain'

export type RetrainReply = { report: RetrainReport } | { error: string; userError: boolean }

export function retrainOffThread(options: RetrainOptions): Promise<RetrainReport> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker('retrain-worker', __dirname, options)
    worker.once('message', (reply: RetrainReply) => {
      if ('report' in reply) resolve(reply.report)
      else reject(reply.userError ? new UserError(reply.error) : new Error(reply.error))
      void worker.terminate()
    })
    worker.once('error', reject)
    // After a reply this changes nothing; before one, the thread died without saying why.
    worker.once('exit', (code) => reject(new Error(`The retraining thread stopped (exit code ${code}) before it finished.`)))
  })
}
