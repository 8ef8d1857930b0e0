// Scoring settings: per-attribute thresholds for Likely violations, the publisher's word lists, the
// optional automatic rules (off by default), and how the local model learns from this newsroom's decisions.
import { useEffect, useState } from 'react'
import { ATTRIBUTES, type Attribute, type Clause } from '../../../shared/model'
import { MIN_RETRAIN_EVERY, type ScoringSettings as Settings } from '../../../shared/settings'
import { client } from '../api'
import { Dialog } from '../Dialog'
import { ModelLineage } from './ModelLineage'
import { ScorerList } from './ScorerList'
import { useJob } from './useJob'

const attributeName = (attribute: Attribute) => attribute.toLowerCase().replace(/_/g, ' ')
const lines = (text: string) => [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))]

function AttributeSelect({ value, onChange, label }: { value: Attribute | null; onChange(value: Attribute | null): void; label: string }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as Attribute | null)}>
      <option value="">the strongest score</option>
      {ATTRIBUTES.map((attribute) => (
        <option key={attribute} value={attribute}>
          {attributeName(attribute)}
        </option>
      ))}
    </select>
  )
}

export function ScoringSettings({ clauses, onClose, onChanged }: { clauses: Clause[]; onClose(): void; onChanged(): void }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [banned, setBanned] = useState('')
  const [suspect, setSuspect] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { job, follow } = useJob()
  useEffect(() => {
    void client.call('scoringSettings', {}).then((loaded) => {
      setSettings(loaded)
      setBanned(loaded.wordLists.banned.join('\n'))
      setSuspect(loaded.wordLists.suspect.join('\n'))
    })
  }, [])
  if (!settings) return null
  const change = (update: (draft: Settings) => void) => {
    const draft = structuredClone(settings)
    update(draft)
    setSettings(draft)
  }
  const run = async (started: () => Promise<unknown>) => {
    setError(null)
    try {
      await started()
      onChanged()
    } catch (failure) {
      setError((failure as Error).message)
    }
  }
  const save = () =>
    run(() => follow(client.call('saveScoringSettings', { ...settings, wordLists: { banned: lines(banned), suspect: lines(suspect) } })))
  const { hold, remove, flagWords } = settings.rules

  return (
    <Dialog title="Scoring" className="settings" onClose={job?.state === 'running' ? undefined : onClose}>
      <h3>Scorers</h3>
      <ScorerList follow={(started) => run(() => follow(started))} busy={job?.state === 'running'} onError={setError} />
      <h3>Likely violations: a pending comment goes there when any score reaches its threshold</h3>
      <div className="form-grid thresholds">
        {ATTRIBUTES.map((attribute) => (
          <Threshold
            key={attribute}
            label={attributeName(attribute)}
            value={settings.thresholds[attribute]}
            onChange={(value) => change((draft) => (draft.thresholds[attribute] = value))}
          />
        ))}
      </div>
      <h3>Word lists (one word or phrase a line; matched through leetspeak and stretched letters)</h3>
      <div className="form-grid">
        <label htmlFor="banned-words">Banned</label>
        <textarea id="banned-words" value={banned} onChange={(event) => setBanned(event.target.value)} />
        <label htmlFor="suspect-words">Suspect</label>
        <textarea id="suspect-words" value={suspect} onChange={(event) => setSuspect(event.target.value)} />
      </div>
      <h3>Automatic rules (off unless ticked; they only touch comments no one has decided)</h3>
      <div className="rules">
        <label>
          <input type="checkbox" checked={flagWords.enabled} onChange={(event) => change((draft) => (draft.rules.flagWords.enabled = event.target.checked))} />{' '}
          Put comments with a banned or suspect word in Likely violations
        </label>
        <label>
          <input type="checkbox" checked={hold.enabled} onChange={(event) => change((draft) => (draft.rules.hold.enabled = event.target.checked))} /> Hold
          (disable) when <AttributeSelect label="Hold on" value={hold.attribute} onChange={(value) => change((draft) => (draft.rules.hold.attribute = value))} />{' '}
          reaches <ScoreInput label="Hold at" value={hold.above} onChange={(value) => change((draft) => (draft.rules.hold.above = value))} />
        </label>
        <label>
          <input type="checkbox" checked={remove.enabled} onChange={(event) => change((draft) => (draft.rules.remove.enabled = event.target.checked))} />{' '}
          Remove when <AttributeSelect label="Remove on" value={remove.attribute} onChange={(value) => change((draft) => (draft.rules.remove.attribute = value))} />{' '}
          reaches <ScoreInput label="Remove at" value={remove.above} onChange={(value) => change((draft) => (draft.rules.remove.above = value))} /> citing{' '}
          <select aria-label="Clause cited" value={remove.clause} onChange={(event) => change((draft) => (draft.rules.remove.clause = event.target.value))}>
            {clauses.map((clause) => (
              <option key={clause.code} value={clause.code}>
                {clause.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h3>Learning</h3>
      <p className="muted">
        The local model refits on this newsroom's approvals and removals in the background; the new model is kept only if it ranks the held-back
        decisions no worse.
      </p>
      <label className="retrain-every">
        Retrain after every{' '}
        <input
          type="number"
          aria-label="Retrain after every N decisions"
          min={MIN_RETRAIN_EVERY}
          max={100000}
          step={10}
          value={settings.learning.retrainEvery}
          onChange={(event) =>
            event.target.value !== '' && change((draft) => (draft.learning.retrainEvery = Math.max(MIN_RETRAIN_EVERY, Math.round(Number(event.target.value)))))
          }
        />{' '}
        approvals and removals
      </label>{' '}
      <button onClick={() => void run(() => follow(client.call('learn', {})))} disabled={job?.state === 'running'}>
        Retrain on our decisions now
      </button>
      <ModelLineage />
      {job && (
        <p className="job-result" aria-live="polite">
          {job.state === 'running' ? `Working… ${job.total ? `${job.done.toLocaleString()} of ${job.total.toLocaleString()}` : ''}` : job.message}
        </p>
      )}
      {error && <p className="problem">{error}</p>}
      <div className="buttons">
        <button onClick={onClose} disabled={job?.state === 'running'}>
          Close
        </button>
        <button className="primary" onClick={() => void save()} disabled={job?.state === 'running'}>
          Save and re-check comments
        </button>
      </div>
    </Dialog>
  )
}

function ScoreInput({ label, value, onChange }: { label: string; value: number; onChange(value: number): void }) {
  return (
    <input
      aria-label={label}
      type="number"
      min={0}
      max={1}
      step={0.05}
      value={value}
      onChange={(event) => event.target.value !== '' && onChange(Math.min(1, Math.max(0, Number(event.target.value))))}
    />
  )
}

function Threshold({ label, value, onChange }: { label: string; value: number; onChange(value: number): void }) {
  return (
    <>
      <label>{label}</label>
      <ScoreInput label={`Threshold for ${label}`} value={value} onChange={onChange} />
    </>
  )
}
