// The parts of WordPress's REST answers Sieve reads (context=edit).

export interface RestComment {
  id: number
  post: number
  parent: number
  author: number
  author_name: string
  author_email?: string
  author_url?: string
  author_ip?: string
  author_user_agent?: string
  date: string
  date_gmt: string
  content: { raw?: string; rendered: string }
  link?: string
  status: string
  type?: string
}

export interface RestPost {
  id: number
  title: { rendered: string; raw?: string }
  link: string
  comment_status?: string
}

export interface RestUser {
  id: number
  name: string
  slug?: string
  roles?: string[]
  capabilities?: Record<string, boolean>
}
