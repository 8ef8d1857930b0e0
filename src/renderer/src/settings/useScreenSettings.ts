// What the screen reads once as the window opens — the policy, who is moderating, the key map, the table's
// layout and the saved views — kept up to date when another window or process changes a setting, and saved
// when this one does. A failure to load is fatal: the engine cannot be reached.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Session } from '../../../shared/api'
import type { Policy } from '../../../shared/model'
import { DEFAULT_KEYMAP_SETTING, DEFAULT_TABLE_LAYOUT, type KeymapSetting, type SavedView, type TableLayout } from '../../../shared/settings'
import { client } from '../api'
import { useEngineEvent } from '../engine-events'
import { useDebounced } from '../useDebounced'
import { effectiveKeymap } from './KeymapSettings'

export function useScreenSettings() {
  const [policy, setPolicy] = useState<Policy | null>(null)
  const [session, setSession] = useState<Session | null>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [keymapSetting, setKeymapSetting] = useState<KeymapSetting>(DEFAULT_KEYMAP_SETTING)
  const keymap = useMemo(() => effectiveKeymap(keymapSetting), [keymapSetting])
  const [layout, setLayout] = useState<TableLayout>(DEFAULT_TABLE_LAYOUT)
  const saveLayout = useDebounced((next: TableLayout) => void client.call('saveTableLayout', next), 400)
  const changeLayout = useCallback(
    (next: TableLayout) => {
      setLayout(next)
      saveLayout(next)
    },
    [saveLayout]
  )
  const [savedViews, setSavedViews] = useState<SavedView[]>([])

  useEffect(() => {
    Promise.all([client.call('policy', {}), client.call('session', {}), client.call('keymap', {}), client.call('tableLayout', {}), client.call('savedViews', {})])
      .then(([loadedPolicy, loadedSession, loadedKeymap, loadedLayout, loadedViews]) => {
        setPolicy(loadedPolicy)
        setSession(loadedSession)
        setKeymapSetting(loadedKeymap)
        setLayout(loadedLayout)
        setSavedViews(loadedViews)
      })
      .catch((error: Error) => setFatal(error.message))
  }, [])

  useEngineEvent('settingsChanged', ({ key }) => {
    if (key === 'keymap') void client.call('keymap', {}).then(setKeymapSetting)
    if (key === 'savedViews') void client.call('savedViews', {}).then(setSavedViews)
  })

  return {
    policy,
    session,
    fatal,
    keymapSetting,
    keymap,
    saveKeymap: (setting: KeymapSetting) => void client.call('saveKeymap', setting).then(setKeymapSetting),
    layout,
    changeLayout,
    savedViews,
    saveViews: (views: SavedView[]) => void client.call('saveSavedViews', views).then(setSavedViews)
  }
}

export type ScreenSettings = ReturnType<typeof useScreenSettings>
