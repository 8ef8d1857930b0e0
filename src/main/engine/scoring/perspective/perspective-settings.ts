// Perspective's settings (non-secret; the key lives in the secret store).
import { z } from 'zod'
import type { Attribute } from '../../../../shared/model'
import { requestTimeoutShape, retrySettingsSchema } from '../scheduler'

/** The production attributes of ours that Perspective scores (SPAM is long retired there). */
export const PERSPECTIVE_ATTRIBUTES = [
  'TOXICITY',
  'SEVERE_TOXICITY',
  'INSULT',
  'PROFANITY',
  'THREAT',
  'IDENTITY_ATTACK',
  'SEXUALLY_EXPLICIT'
] as const satisfies readonly Attribute[]

export const perspectiveSettingsSchema = z
  .object({
    ...retrySettingsSchema.shape,
    ...requestTimeoutShape,
    /** Google's default quota is one query per second. */
    requestsPerSecond: z.number().positive().max(1000).default(1),
    /** The languages comments are written in (Perspective detects them when left out, then rejects some). */
    languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).min(1).max(10).default(['en']),
    attributes: z.array(z.enum(PERSPECTIVE_ATTRIBUTES)).min(1).default([...PERSPECTIVE_ATTRIBUTES]),
    /** Spans with a score from here up are kept for highlighting. */
    spanThreshold: z.number().min(0).max(1).default(0.5)
  })
  .strict()
export type PerspectiveSettings = z.output<typeof perspectiveSettingsSchema>
