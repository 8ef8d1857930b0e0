// The actions beyond the primary four, in the browser's own popover: Esc or a click outside closes it
// and the focus goes back to its button. Arrows, Home and End move between the items.
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'

export interface MenuItem {
  id: string
  label: string
  title: string
  disabled?: boolean
  run(): void
}

export interface MoreMenuHandle {
  open(): void
}

interface MoreMenuProps {
  groups: { label: string; items: MenuItem[] }[]
  ref?: Ref<MoreMenuHandle>
}

const MENU_ID = 'more-menu'

export function MoreMenu({ groups, ref }: MoreMenuProps) {
  const menu = useRef<HTMLDivElement>(null)
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not(:disabled)') ?? [])]
  useImperativeHandle(ref, () => ({ open: () => menu.current?.showPopover() }))
  useEffect(() => {
    const element = menu.current!
    const onToggle = (event: Event) => (event as ToggleEvent).newState === 'open' && items()[0]?.focus()
    element.addEventListener('toggle', onToggle)
    return () => element.removeEventListener('toggle', onToggle)
  }, [])

  const onKeyDown = (event: React.KeyboardEvent) => {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLButtonElement)
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key]
    if (to === undefined) return
    event.preventDefault()
    all[(to + all.length) % all.length]?.focus()
  }

  return (
    <>
      <button className="more-button" popoverTarget={MENU_ID} aria-haspopup="menu" aria-controls={MENU_ID} title="More actions (m)">
        More ▾
      </button>
      <div id={MENU_ID} ref={menu} popover="auto" role="menu" aria-label="More actions" className="menu" onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <div key={group.label} role="group" aria-label={group.label}>
            {group.items.map((item) => (
              <button
                key={item.id}
                role="menuitem"
                title={item.title}
                disabled={item.disabled}
                onClick={() => {
                  menu.current?.hidePopover()
                  item.run()
                }}
              >
                {item.label}
              </button>
            ))}
          </div>
        ))}
      </div>
    </>
  )
}
