// Scoring: the scorers (local, Perspective, OpenAI-compatible) and their settings and keys, thresholds,
// word lists and rules, scoring runs as jobs, and the local model learning from this newsroom.
import { scoringCalls } from '../../../shared/api/scoring'
import type { JobSnapshot } from '../../../shared/model'
import { DEFAULT_SCORING_SETTINGS, scoringSettingsSchema } from '../../../shared/settings'
import { UserError } from '../errors'
import { recheckComments } from '../moderation/recheck'
import { slice } from '../slice'
import { readSetting, writeSetting } from '../settings/store/settings'
import { HELD_OUT_SETS, heldOutSet, labelledFile, type HeldOutSet } from './evaluation-sets'
import { learnerOf } from './learner'
import { learningCurveChart } from './learning-curve-chart'
import { evaluateScorer } from './local/model/benchmarks'
import { scoreComments } from './score-comments'
import { decisionsSinceLastRetraining, modelLineage } from './store/lineage'

export const scoringSlice = slice('scoring', scoringCalls, {
  queries: ({ db, scorers }) => ({
    scoringSettings: () => readSetting(db, 'scoring', scoringSettingsSchema, DEFAULT_SCORING_SETTINGS),
    scorers: () => scorers.list(),
    modelLineage: ({ chart }) => {
      const lineage = {
        entries: modelLineage(db),
        decisionsSince: decisionsSinceLastRetraining(db),
        retrainEvery: readSetting(db, 'scoring', scoringSettingsSchema, DEFAULT_SCORING_SETTINGS).learning.retrainEvery
      }
      return chart ? { ...lineage, chart: learningCurveChart(lineage.entries) } : lineage
    }
  }),
  commands: (context) => {
    const { db, policy, actor, now, jobs, scorers, emit } = context
    /** The running scoring job of each scorer: a second start joins it rather than doubling the request rate. */
    const running = new Map<string, JobSnapshot>()
    return {
      saveScoringSettings: (settings) => {
        if (!policy.clauses.some((clause) => clause.code === settings.rules.remove.clause)) {
          throw new UserError(`The removal rule cites "${settings.rules.remove.clause}", which is not a clause of the Terms of Use.`)
        }
        const before = context.scoringSettings()
        writeSetting(db, 'scoring', settings)
        emit({ name: 'settingsChanged', payload: { key: 'scoring' } })
        return jobs.start(
          'rechecking',
          async ({ progress }) => recheckComments(db, policy, before, settings, { machine: actor.machine, at: now(), progress }),
          (message) => message
        ).snapshot
      },
      configureScorer: (configuration) => {
        const scorer = scorers.configure(configuration)
        emit({ name: 'scorersChanged', payload: scorers.list() })
        return scorer
      },
      startScoring: ({ scorer: name }) => {
        const already = running.get(name)
        if (already) return jobs.get(already.id)
        const { label } = scorers.describe(name)
        const job = jobs.start(
          'score',
          async ({ signal, progress }) => {
            try {
              const result = await scoreComments(context, name, { signal, onProgress: ({ done, total }) => progress(done, total) })
              return { ...result, cancelled: signal.aborted }
            } finally {
              running.delete(name)
              emit({ name: 'scorersChanged', payload: scorers.list() })
            }
          },
          ({ done, total, cancelled }) =>
            cancelled
              ? `Cancelled: ${done} of ${total} comments were scored with ${label}; their scores are kept.`
              : `Scored ${done} comments with ${label}.`
        )
        running.set(name, job.snapshot)
        return job.snapshot
      },
      score: ({ scorer }) =>
        jobs.start('score', ({ signal, progress }) => scoreComments(context, scorer, { signal, onProgress: ({ done, total }) => progress(done, total) }), ({ done }) => `Scored ${done} comments.`).result,
      learn: () => learnerOf(context).start('by hand').snapshot,
      retrain: ({ dataDir }) => learnerOf(context).start('by hand', dataDir).result,
      evaluate: async ({ scorer: name, set, dataDir, data, rankBy }) => {
        if (!data && !(HELD_OUT_SETS as readonly string[]).includes(set)) {
          throw new UserError(`There is no held-out set "${set}" (one of: ${HELD_OUT_SETS.join(', ')}).`)
        }
        const examples = data ? labelledFile(data) : heldOutSet(dataDir, set as HeldOutSet)
        const ranked = rankBy ?? (data ? 'max' : 'TOXICITY')
        const scorer = scorers.create(name)
        const result = await evaluateScorer(scorer, examples, ranked)
        return { ...result, scorer: name, modelVersion: scorer.modelVersion, on: data ?? `the ${set} held-out split`, rankBy: ranked }
      }
    }
  }
})
