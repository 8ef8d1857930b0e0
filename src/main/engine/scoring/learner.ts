// Learning from every decision: retraining as a job, never two at once, each one recorded in the model's
// lineage (kept or not); and, in the app, a retraining started after every N approvals and removals a
// person makes (a bulk decision counts each comment it changed; an automatic rule's never count).
import type { LearnReport } from '../../../shared/api/scoring'
import type { EngineContext } from '../context'
import type { StartedJob } from '../jobs/jobs'
import { describeLearning, learnFromDecisions, MIN_DECISIONS_EACH } from './local/learn-from-decisions'
import { scoreNewComments } from './score-comments'
import { decidedCounts } from './store/decided-examples'
import { decisionsSinceLastRetraining, lastTeachingDecision, recordLineage } from './store/lineage'
import { refreshSuggestions } from './suggest-clauses'

export type StartedBy = 'automatic' | 'by hand'

export interface Learner {
  /** Starts a retraining as a job, or hands back the one already running. */
  start(startedBy: StartedBy, dataDir?: string): StartedJob<LearnReport>
  /** After a person's decisions: starts a retraining when enough were made since the last one (with `autoLearn`). */
  decided(): void
}

const HELD_BACK = 'held-back decisions'
const learners = new WeakMap<EngineContext, Learner>()

/** The engine's one learner (so that a retraining by hand and an automatic one never run together). */
export function learnerOf(context: EngineContext): Learner {
  let learner = learners.get(context)
  if (!learner) learners.set(context, (learner = createLearner(context)))
  return learner
}

function createLearner(context: EngineContext): Learner {
  const { db, policy, now } = context
  let running: StartedJob<LearnReport> | null = null

  const retrain = async (startedBy: StartedBy, dataDir?: string): Promise<LearnReport> => {
    const through = lastTeachingDecision(db)
    const report = await learnFromDecisions(db, { resourcesDir: context.options.resourcesDir, dataDir: context.dataDir }, dataDir)
    const check = report.checks.find((one) => one.name === HELD_BACK)
    recordLineage(db, {
      version: report.version,
      previousVersion: report.previousVersion,
      trainedAt: now().toISOString(),
      decisions: report.approved + report.removed,
      throughDecisionId: through,
      aucBefore: check ? check.previousAuc : null,
      aucAfter: check ? check.candidateAuc : null,
      kept: report.saved,
      startedBy
    })
    // A kept model scores every comment again (suggestions with it); else the suggester alone learned more.
    const rescored = report.saved ? (await scoreNewComments(context)).done : 0
    if (!report.saved) refreshSuggestions(db, policy)
    return { ...report, rescored }
  }

  const start = (startedBy: StartedBy, dataDir?: string) => {
    if (running) return running
    const job = context.jobs.start('retraining', () => retrain(startedBy, dataDir), (report) =>
      report.saved ? `${describeLearning(report)} Rescored ${report.rescored} comments.` : describeLearning(report)
    )
    running = job
    void job.result.catch(() => {}).finally(() => {
      if (running === job) running = null
    })
    return job
  }

  return {
    start,
    decided() {
      if (!context.options.autoLearn || running) return
      if (decisionsSinceLastRetraining(db) < context.scoringSettings().learning.retrainEvery) return
      const { approved, removed } = decidedCounts(db)
      if (approved < MIN_DECISIONS_EACH || removed < MIN_DECISIONS_EACH) return
      start('automatic')
    }
  }
}
