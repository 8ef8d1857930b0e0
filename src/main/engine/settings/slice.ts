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

export const settingsSlice = slice('settings', settingsCalls, {
  queries: ({ db, actor, policy, secrets }) => ({
    session: () => ({ ...actor, version }),
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
