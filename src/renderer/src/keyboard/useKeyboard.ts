import { useEffect, useRef } from 'react'
import { keyName, match, type Binding, type Command } from './keymap'

/** How long the second key of a sequence ("g" then "r") may wait. */
const SEQUENCE_MS = 1500
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta'])

/** Calls the handler of each key-map command pressed, except while the person is typing in a field. */
export function useKeyboard(keymap: Binding[], handlers: Partial<Record<Command, () => void>>, enabled: boolean): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    if (!enabled) return
    let pending: string[] = []
    let pendingSince = 0
    const onKeyDown = (event: KeyboardEvent) => {
      // While a dialog or the menu is open, the page behind it takes no keys.
      if (document.querySelector('dialog[open], :popover-open') || ownsKey(event.target, event.key) || MODIFIER_KEYS.has(event.key)) return
      if (event.timeStamp - pendingSince > SEQUENCE_MS) pending = []
      let found = match(keymap, [...pending, keyName(event)])
      // A key that does not continue the sequence starts afresh.
      if (found === undefined && pending.length) {
        pending = []
        found = match(keymap, [keyName(event)])
      }
      if (found === undefined) return
      event.preventDefault()
      if (found === 'prefix') {
        pending = [...pending, keyName(event)]
        pendingSince = event.timeStamp
        return
      }
      pending = []
      latest.current[found]?.()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [keymap, enabled])
}

/** Keys that the focused control needs for itself: every key in a text field, arrows on a slider, … */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  if (!(target instanceof HTMLInputElement)) return false
  if (target.type === 'range') return /^(Arrow|Home|End|Page)/.test(key)
  if (target.type === 'checkbox' || target.type === 'radio') return key === ' '
  return true
}
