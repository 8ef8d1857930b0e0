import { forwardRef, useEffect, useState } from 'react'

/** Full-text search over the comments: Enter searches, Esc clears and gives the keys back to the queue. */
export const SearchBox = forwardRef<HTMLInputElement, { value: string | null; onSearch(text: string | null): void }>(function SearchBox(
  { value, onSearch },
  ref
) {
  const [text, setText] = useState(value ?? '')
  useEffect(() => setText(value ?? ''), [value])
  return (
    <input
      ref={ref}
      type="search"
      className="search"
      aria-label="Search comments"
      placeholder="Search (/)"
      value={text}
      maxLength={500}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          onSearch(text || null)
          event.currentTarget.blur()
        } else if (event.key === 'Escape') {
          setText('')
          onSearch(null)
          event.currentTarget.blur()
        }
      }}
    />
  )
})
