// Davidson et al. 2017: tweets labelled hate speech / offensive / neither by three or more raters.
import { join } from 'node:path'
import { readCsv } from './csv'

export interface DavidsonRow {
  text: string
  raters: number
  hate: number
  offensive: number
  /** 0 hate speech, 1 offensive, 2 neither (the raters' majority). */
  label: number
}

/**
 * Strips what marks a text as a tweet ("RT @user:", links, HTML entities) so the model learns the words,
 * not that tweets (83 % offensive here) look like tweets.
 */
export function cleanTweet(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\bRT\b:?/g, ' ')
    .replace(/@\w+:?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export function readDavidson(dataDir: string): DavidsonRow[] {
  return readCsv(join(dataDir, 'davidson-hate-offensive', 'labeled_data.csv')).map((row) => ({
    text: cleanTweet(row.tweet),
    raters: Number(row.count),
    hate: Number(row.hate_speech),
    offensive: Number(row.offensive_language),
    label: Number(row.class)
  }))
}
