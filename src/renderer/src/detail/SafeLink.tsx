import { isWebUrl } from '../../../shared/urls'

/** A link only when it is http(s); anything else (javascript:, data:, file:) is shown as plain text. */
export function SafeLink({ url, children }: { url: string | null; children: React.ReactNode }) {
  if (!url || !isWebUrl(url)) return <span>{children}</span>
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  )
}
