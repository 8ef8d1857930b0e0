import { useEffect, useRef } from 'react'
import { commandFor, type Binding, type Command } from './keymap'

/** Calls the handler of each key-map command pressed, except while the person is typing in a field. */
export function useKeyboard(keymap: Binding[], handlers: Partial<Record<Command, () => void>>, enabled: boolean): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return
      const command = commandFor(keymap, event)
      const handler = command && latest.current[command]
      if (!handler) return
      event.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [keymap, enabled])
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
