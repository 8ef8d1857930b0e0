// Hindi and emoji must never show as empty boxes, so their fonts ship with the app (@fontsource). Each
// face declares its unicode-range: the browser fetches one only when a comment has a character in it.
// Noto Color Emoji draws its glyphs with COLRv1 paints, which a Chromium on an older system FreeType
// (Debian 12's) draws as nothing; there the outline font Noto Emoji stands in.
import '@fontsource/noto-sans-devanagari/400.css'
import '@fontsource/noto-sans-devanagari/700.css'
import '@fontsource/noto-color-emoji/400.css'
import '@fontsource/noto-emoji/400.css'

const PROBE = '\u{1F600}'

/** Whether this browser draws a color emoji at all (a blank canvas means it cannot). */
async function drawsColorEmoji(): Promise<boolean> {
  const font = '24px "Noto Color Emoji"'
  await document.fonts.load(font, PROBE)
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = 32
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return true
  context.font = font
  context.textBaseline = 'top'
  context.fillText(PROBE, 2, 2)
  return context.getImageData(0, 0, 32, 32).data.some((value, index) => index % 4 === 3 && value > 0)
}

/** Picks the emoji font this browser can draw; the page says which in <html data-emoji="color|outline">. */
export async function chooseEmojiFont(): Promise<void> {
  const color = await drawsColorEmoji().catch(() => true)
  document.documentElement.dataset.emoji = color ? 'color' : 'outline'
}
