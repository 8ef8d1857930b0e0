// The summary's decisions per shift, and the newsroom's shifts themselves: shown in a sentence, changed
// in a small form (in a team, the database lets only leads save them, and the refusal is shown as it is).
import { useState } from 'react'
import { describeShifts, parseShiftStarts, type ReportSummary, type Shifts } from '../../../shared/reports'
import { client } from '../api'

const shiftsText = (shifts: Shifts) => shifts.shifts.map((shift) => `${shift.name}=${shift.start}`).join(', ')

export function ShiftsTable({ summary, onChanged }: { summary: ReportSummary; onChanged(): void }) {
  const [editing, setEditing] = useState(false)
  const [timeZone, setTimeZone] = useState(summary.shifts.timeZone)
  const [starts, setStarts] = useState(shiftsText(summary.shifts))
  const [problem, setProblem] = useState<string | null>(null)

  const save = async () => {
    try {
      await client.call('saveShifts', { timeZone: timeZone.trim(), shifts: parseShiftStarts(starts) })
      setProblem(null)
      setEditing(false)
      onChanged()
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <>
      <h3>Shifts</h3>
      <table aria-label="Decisions per shift">
        <thead>
          <tr>
            <th>Day</th>
            <th>Shift</th>
            <th className="num">Decisions</th>
            <th className="num">Removals</th>
            <th>Moderators</th>
          </tr>
        </thead>
        <tbody>
          {summary.byShift.map((row) => (
            <tr key={`${row.day} ${row.shift}`}>
              <td>{row.day}</td>
              <td>{row.shift}</td>
              <td className="num">{row.decisions}</td>
              <td className="num">{row.removals}</td>
              <td>{row.moderators.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-statements">
        {describeShifts(summary.shifts)}{' '}
        {!editing && (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            Change shifts
          </button>
        )}
      </p>
      {editing && (
        <form
          className="report-audit"
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <input value={timeZone} onChange={(event) => setTimeZone(event.target.value)} aria-label="Time zone" placeholder="Asia/Kolkata" />
          <input value={starts} onChange={(event) => setStarts(event.target.value)} aria-label="Shifts and their starts" size={40} />
          <button type="submit">Save shifts</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      )}
      {problem && (
        <pre className="report-problem" role="alert">
          {problem}
        </pre>
      )}
    </>
  )
}
