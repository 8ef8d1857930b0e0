// Settings: who is working, the Terms of Use, and what a moderator arranges in the app (keys, columns,
// saved views), kept in the database so every window and the desktop and browser mode agree.
import type { z } from 'zod'
import { version } from '../../../../package.json'
import { settingsCalls } from '../../../shared/api/settings'
import { DEFAULT_KEYMAP_SETTING, DEFAULT_TABLE_LAYOUT, keymapSettingSchema, savedViewsSchema, tableLayoutSchema } from '../../../shared/settings'
import type { EngineContext } from '../context'
import { slice } from '../slice'
import { backupTo } from '../database/backup'
import { readSetting, writeSetting } from './store/settings'
import { readShifts, writeShifts } from './store/shifts'
import { isLead } from '../team/store/claims'
import { databaseName } from '../database/postgres/connect'

type PersonalSetting = 'keymap' | 'tableLayout' | 'savedViews'

/**
 * Where a moderator's own screen is kept: in a team, under their login ("keymap@maya"), so that teammates
 * never overwrite each other's keys, columns and views; the plain key, if any, is the team's default.
 */
const ownKey = (options: EngineContext['options'], actor: EngineContext['actor'], key: PersonalSetting) => (options.dbUrl ? `${key}@${actor.moderator}` : key)

export const settingsSlice = slice('settings', settingsCalls, {
  queries: ({ db, actor, policy, secrets, options }) => {
    const personal = <S extends z.ZodType>(key: PersonalSetting, schema: S, fallback: z.output<S>) =>
      readSetting(db, ownKey(options, actor, key), schema, readSetting(db, key, schema, fallback))
    return {
      session: () => ({
        ...actor,
        version,
        team: options.dbUrl ? { database: databaseName(options.dbUrl), lead: isLead(db) } : null,
        canChooseStore: options.storeChoice !== undefined,
        storeProblem: options.storeProblem ?? null
      }),
      secretStorage: () => ({ location: secrets.location }),
      policy: () => policy,
      keymap: () => personal('keymap', keymapSettingSchema, DEFAULT_KEYMAP_SETTING),
      tableLayout: () => personal('tableLayout', tableLayoutSchema, DEFAULT_TABLE_LAYOUT),
      savedViews: () => personal('savedViews', savedViewsSchema, []),
      shifts: () => readShifts(db)
    }
  },
  commands: ({ db, emit, options, actor }) => {
    const save = <T>(key: PersonalSetting, value: T): T => {
      writeSetting(db, ownKey(options, actor, key), value)
      emit({ name: 'settingsChanged', payload: { key } })
      return value
    }
    return {
      saveKeymap: (keymap) => save('keymap', keymap),
      saveTableLayout: (layout) => save('tableLayout', layout),
      saveSavedViews: (views) => save('savedViews', views),
      saveShifts: (shifts) => {
        writeShifts(db, shifts)
        emit({ name: 'settingsChanged', payload: { key: 'shifts' } })
        return shifts
      },
      backup: async ({ path }) => {
        await backupTo(db, path)
        return { path }
      }
    }
  }
})
