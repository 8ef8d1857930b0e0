// Team mode in the window: the comments around the cursor are claimed while they are on screen (the
// lease is renewed each minute, moved with the cursor, and let go on quitting by the engine), and the
// rows teammates are reading are marked as their claims come and go.
import { useEffect, useRef } from 'react'
import type { CommentRow } from '../../../shared/model'
import { client } from '../api'
import { useEngineEvent } from '../engine-events'

/** The cursor's comment and its neighbours: what a moderator reads next. */
const AROUND = { before: 1, after: 2 }
const RENEW_MS = 60_000
const SETTLE_MS = 250

export function useClaims(team: boolean, rows: CommentRow[], cursor: number, markClaims: (claims: Record<number, string>) => void): void {
  const around = rows.slice(Math.max(0, cursor - AROUND.before), cursor + AROUND.after + 1).map((row) => row.key)
  const aroundKey = around.join(',')
  const latest = useRef({ rows, markClaims })
  latest.current = { rows, markClaims }

  useEffect(() => {
    if (!team) return
    const keys = aroundKey ? aroundKey.split(',').map(Number) : []
    const claim = () => void client.call('claim', { keys }).catch(() => undefined)
    // After the cursor settles: a run of j presses claims only where it stops.
    const settle = setTimeout(claim, SETTLE_MS)
    const renew = setInterval(claim, RENEW_MS)
    return () => {
      clearTimeout(settle)
      clearInterval(renew)
    }
  }, [team, aroundKey])

  useEngineEvent('claimsChanged', () => {
    if (!team) return
    const keys = latest.current.rows.slice(0, 1000).map((row) => row.key)
    if (keys.length) void client.call('claims', { keys }).then(latest.current.markClaims, () => undefined)
  })
}
