// `v`: the views a moderator saved (a queue with its filters and sort): open one, delete one, or save
// the view on screen under a name. Every step works from the keyboard.
import { useState } from 'react'
import type { SavedView } from '../../../shared/settings'
import { Dialog } from '../Dialog'

interface SavedViewsDialogProps {
  views: SavedView[]
  onOpen(view: SavedView): void
  onSave(name: string): void
  onDelete(name: string): void
  onClose(): void
}

export function SavedViewsDialog({ views, onOpen, onSave, onDelete, onClose }: SavedViewsDialogProps) {
  const [name, setName] = useState('')
  const save = () => {
    if (!name.trim()) return
    onSave(name.trim())
    setName('')
  }
  return (
    <Dialog title="Saved views" className="views" onClose={onClose}>
      {views.length === 0 ? (
        <p className="muted">No saved views yet.</p>
      ) : (
        <ul className="saved-views" aria-label="Saved views">
          {views.map((view) => (
            <li key={view.name}>
              <button className="view-name" onClick={() => onOpen(view)}>
                {view.name}
              </button>
              <button aria-label={`Delete view ${view.name}`} onClick={() => onDelete(view.name)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="save-view"
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        <label htmlFor="view-name">Save this view as</label>
        <input id="view-name" value={name} maxLength={80} placeholder="a name, then Enter" onChange={(event) => setName(event.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Save
        </button>
      </form>
      {views.some((view) => view.name === name.trim()) && <p className="muted">Replaces the view of that name.</p>}
      <div className="buttons">
        <button onClick={onClose}>Close (Esc)</button>
      </div>
    </Dialog>
  )
}
