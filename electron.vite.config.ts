import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // The scoring pool's worker threads run a file of their own (src/main/engine/scoring/local/pool/).
      rolldownOptions: {
        input: { index: resolve('src/main/index.ts'), 'scoring-worker': resolve('src/main/engine/scoring/local/pool/scoring-worker.ts') }
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
    plugins: [react()],
    build: { rolldownOptions: { input: { index: resolve('src/renderer/index.html') } } }
  }
})
