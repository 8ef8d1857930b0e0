import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * Adjusts @fontsource's CSS for the app: Chromium reads woff2, so the woff fallbacks are left out of the
 * build; and the emoji faces leave ASCII and Latin-1 (digits, #, *, ©, ®) to the text fonts, so the emoji
 * font can come first in the stack (before a system font's monochrome emoji) without touching the text.
 */
function fontsourceForSieve(): Plugin {
  const isEmojiFace = /@fontsource\/noto-(color-)?emoji\//
  const latin1 = (range: string) => parseInt(range.trim().slice(2).split('-')[0], 16) < 0x100
  return {
    name: 'sieve:fontsource',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource\/.*\.css$/.test(id)) return undefined
      const woff2 = code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
      if (!isEmojiFace.test(id)) return woff2
      return woff2.replace(/unicode-range: ([^;]*);/g, (_, ranges: string) => `unicode-range: ${ranges.split(',').filter((range) => !latin1(range)).join(',')};`)
    }
  }
}

export default defineConfig({
  main: {
    build: {
      // The scoring pool's worker threads run a file of their own (src/main/engine/scoring/local/pool/).
      rolldownOptions: {
        // The entry, and each worker thread's module (threads/spawn-worker.ts finds them beside it).
        input: {
          index: resolve('src/main/index.ts'),
          // The engine's own process on the desktop (an Electron utility process).
          'engine-host': resolve('src/main/engine-host.ts'),
          'engine-worker': resolve('src/main/engine/threads/engine-worker.ts'),
          'postgres-worker': resolve('src/main/engine/database/postgres/postgres-worker.ts'),
          'scoring-worker': resolve('src/main/engine/scoring/local/pool/scoring-worker.ts'),
          'retrain-worker': resolve('src/main/engine/scoring/local/retrain-thread/retrain-worker.ts'),
          'parse-worker': resolve('src/main/engine/sources/files/parse-worker.ts')
        }
      }
    }
  },
  preload: {
    // A sandboxed preload must be one CommonJS file with nothing left to require.
    build: {
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs' } }
    }
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), fontsourceForSieve()],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
      // A font inlined as a data: URL would break the CSP (fonts load from 'self' only).
      assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined)
    }
  }
})
