import { useEffect, useRef } from 'react'

/**
 * Keeps keys pressed inside it from reaching the queue's window-wide shortcuts (so typing "a" in a field,
 * or pressing it on a button, never approves a comment), and takes the focus when it appears.
 */
export function KeyShield({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div ref={ref} tabIndex={-1} className="key-shield" onKeyDown={(event) => event.nativeEvent.stopPropagation()}>
      {children}
    </div>
  )
}
