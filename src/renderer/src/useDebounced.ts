import { useCallback, useEffect, useRef } from 'react'

/** A function that runs `run` once calls have paused for `ms` (e.g. saving while a column is dragged); the same function on every render. */
export function useDebounced<T>(run: (value: T) => void, ms: number): (value: T) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef(run)
  latest.current = run
  useEffect(() => () => clearTimeout(timer.current), [])
  return useCallback(
    (value: T) => {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => latest.current(value), ms)
    },
    [ms]
  )
}
