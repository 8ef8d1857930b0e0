// How OpenAI moderation categories become Sieve attributes: each attribute is the highest score among
// its categories. The README shows this same table. Categories not listed (self-harm, self-harm/intent,
// self-harm/instructions, illicit) match no Terms-of-Use clause we score for, so they are left out.
import type { Attribute, Scores } from '../../../../shared/model'

export const CATEGORY_MAP: Readonly<Partial<Record<Attribute, readonly string[]>>> = {
  TOXICITY: ['harassment', 'harassment/threatening', 'hate', 'hate/threatening'],
  SEVERE_TOXICITY: ['harassment/threatening', 'hate/threatening', 'sexual/minors', 'violence/graphic'],
  INSULT: ['harassment'],
  THREAT: ['harassment/threatening', 'hate/threatening', 'violence', 'illicit/violent'],
  IDENTITY_ATTACK: ['hate', 'hate/threatening'],
  SEXUALLY_EXPLICIT: ['sexual', 'sexual/minors']
}

export const OPENAI_ATTRIBUTES = Object.keys(CATEGORY_MAP) as Attribute[]

export function mapCategories(categoryScores: Record<string, number | undefined>): Scores {
  const scores: Scores = {}
  for (const attribute of OPENAI_ATTRIBUTES) {
    const values = CATEGORY_MAP[attribute]!.map((category) => categoryScores[category]).filter((value) => typeof value === 'number')
    if (values.length) scores[attribute] = Math.min(1, Math.max(0, ...values))
  }
  return scores
}
