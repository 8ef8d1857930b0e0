// "It learns from this newsroom": refits the local model on the moderators' own approve/remove decisions.
// The shipped model is always the starting point, so a retrained model depends on the decisions so far,
// not on how many times retraining ran; the retrained file lives beside the database.
import { UserError } from '../../errors'
import type { Db } from '../../database/database'
import { decidedExamples } from '../store/decided-examples'
import { localModelPath, retrainedModelPath, shippedModelPath, type ModelLocations } from './model/model-location'
import type { RetrainReport } from './model/retrain'
import { retrainOffThread } from './retrain-thread/retrain-off-thread'

/** Fewer decisions than this of either kind teach the model noise. */
export const MIN_DECISIONS_EACH = 10

export interface LearnReport extends RetrainReport {
  removed: number
  approved: number
}

export async function learnFromDecisions(db: Db, where: ModelLocations, dataDir?: string): Promise<LearnReport> {
  const examples = decidedExamples(db)
  const removed = examples.filter((example) => example.label === 1).length
  const approved = examples.length - removed
  if (removed < MIN_DECISIONS_EACH || approved < MIN_DECISIONS_EACH) {
    throw new UserError(
      `Retraining needs at least ${MIN_DECISIONS_EACH} approved and ${MIN_DECISIONS_EACH} removed comments decided by a person; ` +
        `there are ${approved} approved and ${removed} removed.`
    )
  }
  const report = await retrainOffThread({
    modelPath: localModelPath(where),
    basePath: shippedModelPath(where),
    outputPath: retrainedModelPath(where),
    examples,
    dataDir
  })
  return { ...report, removed, approved }
}

export function describeLearning(report: LearnReport): string {
  const checks = report.checks
    .map((check) => `${check.name} (${check.count}): AUC ${check.previousAuc.toFixed(3)} → ${check.candidateAuc.toFixed(3)}`)
    .join('; ')
  return (
    `Learned from ${report.approved} approved and ${report.removed} removed comments in ${(report.trainingMs / 1000).toFixed(1)} s ` +
    `(${report.mode}). ${report.saved ? `New model ${report.version}` : `Kept model ${report.version}`}: ${report.reason}.` +
    (checks ? ` Checks: ${checks}.` : '')
  )
}
