// Settings a moderator changes in the app, kept by the engine so the desktop and browser mode agree.
import { z } from 'zod'
import { filterSchema } from './filter'
import { ATTRIBUTES, SORTS } from './model'

const keySpec = z.union([z.string().min(1).max(40), z.array(z.string().min(1).max(40)).min(2).max(3)])

export const keymapSettingSchema = z
  .object({
    preset: z.enum(['sieve', 'wordpress', 'coral']),
    /** Commands whose keys the moderator changed, over the preset's. */
    overrides: z.record(z.string().max(40), z.array(keySpec).max(6))
  })
  .strict()
export type KeymapSetting = z.infer<typeof keymapSettingSchema>

export const DEFAULT_KEYMAP_SETTING: KeymapSetting = { preset: 'sieve', overrides: {} }

/** The queue table's columns as the moderator arranged them. */
export const tableLayoutSchema = z
  .object({
    sizes: z.record(z.string().max(40), z.number().min(40).max(2000)),
    hidden: z.array(z.string().max(40)).max(20),
    /** Columns shown on purpose even when every row has the same value in them (hidden by default then). */
    shown: z.array(z.string().max(40)).max(20).optional(),
    order: z.array(z.string().max(40)).max(20)
  })
  .strict()
export type TableLayout = z.infer<typeof tableLayoutSchema>

export const DEFAULT_TABLE_LAYOUT: TableLayout = { sizes: {}, hidden: [], order: [] }

const score = z.number().min(0).max(1)
const words = z.array(z.string().trim().min(1).max(60)).max(2000)

/** Fewer decisions than this between retrainings would teach the model noise (and retrain all day). */
export const MIN_RETRAIN_EVERY = 20
export const DEFAULT_RETRAIN_EVERY = 200

/** How scores and word lists turn into the Likely violations queue, and the optional automatic decisions. */
export const scoringSettingsSchema = z
  .object({
    /** A pending comment is a likely violation when any attribute reaches its threshold. */
    thresholds: z.record(z.enum(ATTRIBUTES), score),
    /** The publisher's own lists, matched through evasions (leetspeak, repeated letters). */
    wordLists: z.object({ banned: words, suspect: words }).strict(),
    rules: z
      .object({
        /** Disable (hold) new comments whose `attribute` (or strongest) score reaches `above`. */
        hold: z.object({ enabled: z.boolean(), attribute: z.enum(ATTRIBUTES).nullable(), above: score }).strict(),
        /** Remove new comments whose score reaches `above`, citing `clause`. */
        remove: z.object({ enabled: z.boolean(), attribute: z.enum(ATTRIBUTES).nullable(), above: score, clause: z.string().min(1) }).strict(),
        /** Put comments with a banned or suspect word in Likely violations whatever their scores. */
        flagWords: z.object({ enabled: z.boolean() }).strict()
      })
      .strict(),
    /** The local model retrains in the background after this many approvals and removals by a person. */
    learning: z
      .object({ retrainEvery: z.number().int().min(MIN_RETRAIN_EVERY).max(100_000) })
      .strict()
      .default({ retrainEvery: DEFAULT_RETRAIN_EVERY })
  })
  .strict()
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>
export type Thresholds = ScoringSettings['thresholds']

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = {
  thresholds: Object.fromEntries(ATTRIBUTES.map((attribute) => [attribute, 0.7])) as ScoringSettings['thresholds'],
  wordLists: { banned: [], suspect: [] },
  rules: {
    hold: { enabled: false, attribute: null, above: 0.9 },
    remove: { enabled: false, attribute: null, above: 0.98, clause: 'abusive' },
    flagWords: { enabled: false }
  },
  learning: { retrainEvery: DEFAULT_RETRAIN_EVERY }
}

/** Views a moderator named and keeps: a queue with its filters and sort. */
export const savedViewsSchema = z
  .array(z.object({ name: z.string().trim().min(1).max(80), filter: filterSchema, sort: z.enum(SORTS) }).strict())
  .max(50)
export type SavedView = z.infer<typeof savedViewsSchema>[number]
