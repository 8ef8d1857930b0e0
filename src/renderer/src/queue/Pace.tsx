import { memo, useEffect, useState } from 'react'

const startedAt = Date.now()

/** The light at the end of the tunnel: how many are left to review, and this session's pace. */
export const Pace = memo(function Pace({ decided, left }: { decided: number; left: number | null }) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const hours = Math.max((now - startedAt) / 3_600_000, 1 / 60)
  const perHour = Math.round(decided / hours)
  const eta = left !== null && perHour > 0 ? left / perHour : null
  return (
    <span className="pace" aria-label="Pace this session">
      {decided.toLocaleString()} decided · {perHour.toLocaleString()}/h
      {eta !== null ? ` · queue clear in ~${eta < 1 ? `${Math.ceil(eta * 60)} min` : `${eta.toFixed(1)} h`}` : ''}
    </span>
  )
})
