// Score-band triage: how the view's comments spread over their scores, and a band picked with two
// handles. Selecting the band selects every comment in it, loaded or not.
import { useEffect, useState } from 'react'
import type { Filter } from '../../../shared/filter'
import { ATTRIBUTES, type Attribute } from '../../../shared/model'
import { client } from '../api'

export const BUCKETS = 20

export interface Band {
  attribute: Attribute | null
  /** In buckets: the band is [low, high) × 1/BUCKETS. */
  low: number
  high: number
}

/** The band as a filter condition. */
export function bandScore(band: Band): NonNullable<Filter['score']> {
  return {
    ...(band.attribute ? { attribute: band.attribute } : {}),
    gte: band.low / BUCKETS,
    ...(band.high < BUCKETS ? { lt: band.high / BUCKETS } : { lte: 1 })
  }
}

interface ScoreBandsProps {
  filter: Filter
  /** Changes whenever the view's comments may have changed (the histogram is fetched again). */
  version: unknown
  band: Band
  onBand(band: Band): void
  onSelect(): void
  selectKey: string
}

export function ScoreBands({ filter, version, band, onBand, onSelect, selectKey }: ScoreBandsProps) {
  const [counts, setCounts] = useState<number[] | null>(null)
  const filterKey = JSON.stringify(filter)
  useEffect(() => {
    let current = true
    client
      .call('histogram', { filter: JSON.parse(filterKey), attribute: band.attribute ?? undefined, buckets: BUCKETS })
      .then((loaded) => current && setCounts(loaded))
    return () => {
      current = false
    }
  }, [filterKey, band.attribute, version])

  const tallest = Math.max(1, ...(counts ?? []))
  const inBand = (counts ?? []).slice(band.low, band.high).reduce((a, b) => a + b, 0)
  const label = (bucket: number) => (bucket / BUCKETS).toFixed(2)
  return (
    <section className="bands" aria-label="Score bands">
      <label>
        Score of{' '}
        <select
          value={band.attribute ?? ''}
          onChange={(event) => onBand({ ...band, attribute: (event.target.value || null) as Attribute | null })}
        >
          <option value="">the strongest attribute</option>
          {ATTRIBUTES.map((attribute) => (
            <option key={attribute} value={attribute}>
              {attribute.toLowerCase().replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <div className="histogram" role="img" aria-label={`Histogram of ${(counts ?? []).reduce((a, b) => a + b, 0)} comments by score`}>
        {(counts ?? new Array<number>(BUCKETS).fill(0)).map((n, bucket) => (
          <div
            key={bucket}
            className={bucket >= band.low && bucket < band.high ? 'bar in' : 'bar'}
            style={{ height: `${Math.max(n ? 4 : 0, (n / tallest) * 100)}%` }}
            title={`${label(bucket)}–${label(bucket + 1)}: ${n}`}
          />
        ))}
      </div>
      <div className="band-controls">
        <input
          type="range"
          aria-label="Band from"
          min={0}
          max={BUCKETS - 1}
          value={band.low}
          onChange={(event) => onBand({ ...band, low: Math.min(Number(event.target.value), band.high - 1) })}
        />
        <input
          type="range"
          aria-label="Band to"
          min={1}
          max={BUCKETS}
          value={band.high}
          onChange={(event) => onBand({ ...band, high: Math.max(Number(event.target.value), band.low + 1) })}
        />
        <span className="band-count" aria-live="polite">
          {label(band.low)} – {label(band.high)}: {inBand.toLocaleString()} comments
        </span>
        <button onClick={onSelect} disabled={inBand === 0} title={`Select every comment in the band (${selectKey})`}>
          Select band
        </button>
      </div>
    </section>
  )
}
