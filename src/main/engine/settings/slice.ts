// Settings: who is working, the Terms of Use, and what a moderator arranges in the app (keys, columns,
// saved views), kept in the database so every window and the desktop and browser mode agree.
import { version } from '../../../../package.json'
import { settingsCalls } from '../../../shared/api/settings'
import {
  DEFAULT_KEYMAP_SETTING,
  DEFAULT_TABLE_LAYOUT,
  keymapSettingSchema,
  savedViewsSchema,
  tableLayoutSchema
} from '../../../shared/settings'
import { slice } from '../slice'
import { backupTo } from '../database/backup'
import { readSetting, writeSetting } from './store/settings'
import { isLead } from '../team/store/claims'

/** A team database's name, for the header ("Team: newsroom"). */
const teamName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1))

export const settingsSlice = slice('settings', settingsCalls, {
  queries: ({ db, actor, policy, secrets, options }) => ({
    session: () => ({ ...actor, version, team: options.dbUrl ? { database: teamName(options.dbUrl), lead: isLead(db) } : null }),
    secretStorage: () => ({ location: secrets.location }),
    policy: () => policy,
    keymap: () => readSetting(db, 'keymap', keymapSettingSchema, DEFAULT_KEYMAP_SETTING),
    tableLayout: () => readSetting(db, 'tableLayout', tableLayoutSchema, DEFAULT_TABLE_LAYOUT),
    savedViews: () => readSetting(db, 'savedViews', savedViewsSchema, [])
  }),
  commands: ({ db, emit }) => {
    const save = <T>(key: 'keymap' | 'tableLayout' | 'savedViews', value: T): T => {
      writeSetting(db, key, value)
      emit({ name: 'settingsChanged', payload: { key } })
      return value
    }
    return {
      saveKeymap: (keymap) => save('keymap', keymap),
      saveTableLayout: (layout) => save('tableLayout', layout),
      saveSavedViews: (views) => save('savedViews', views),
      backup: async ({ path }) => {
        await backupTo(db, path)
        return { path }
      }
    }
  }
})
