// The identity terms of the bias-evaluation sentence templates (conversationai/unintended-ml-bias-analysis),
// the same kind of list the wiki test set's identity half was drawn with: a text naming one belongs to the
// identity subgroup whose AUC is reported next to the overall one.
import { normalize } from '../normalize'

const TERMS = [
  'lesbian gay bisexual transgender trans queer lgbt lgbtq homosexual straight heterosexual male female nonbinary',
  'african black white european hispanic latino latina latinx mexican canadian american asian indian chinese japanese',
  'christian muslim jewish buddhist catholic protestant sikh taoist old older young younger teenage millenial elderly',
  'blind deaf paralyzed',
  // The two-word terms, as written.
  'african_american middle_eastern middle_aged'
].join(' ')

const SINGLE = new Set(TERMS.split(' ').filter((term) => !term.includes('_')))
const PAIRS = new Set(TERMS.split(' ').filter((term) => term.includes('_')))

export function mentionsIdentity(text: string): boolean {
  const { words } = normalize(text)
  for (let i = 0; i < words.length; i++) {
    if (SINGLE.has(words[i].text)) return true
    if (i > 0 && PAIRS.has(`${words[i - 1].text}_${words[i].text}`)) return true
  }
  return false
}

export function identityMask(texts: readonly string[]): boolean[] {
  return texts.map(mentionsIdentity)
}
