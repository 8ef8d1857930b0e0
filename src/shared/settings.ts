// Settings a moderator changes in the app, kept by the engine so the desktop and browser mode agree.
import { z } from 'zod'

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
    order: z.array(z.string().max(40)).max(20)
  })
  .strict()
export type TableLayout = z.infer<typeof tableLayoutSchema>

export const DEFAULT_TABLE_LAYOUT: TableLayout = { sizes: {}, hidden: [], order: [] }
