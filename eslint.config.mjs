// Lint: the TypeScript and React hooks rules, and the process boundaries the architecture promises —
// the engine and the shared contract never import Electron; the shared contract and the renderer never
// import Node's built-ins; the renderer never imports the main process's code.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ELECTRON_MESSAGE = 'The engine and the shared contract never import Electron: it reaches them as arguments.'
const NODE_MESSAGE = 'The shared contract and the renderer run without Node.'

// Each boundary as no-restricted-imports options: exact names (`electron`, `fs`, `fs/promises`) and
// patterns (`electron/main`, every `node:` name, including those with no bare form such as `node:test`).
const noElectron = { paths: [{ name: 'electron', message: ELECTRON_MESSAGE }], patterns: [{ group: ['electron/*'], message: ELECTRON_MESSAGE }] }
const noNode = {
  paths: builtinModules.map((name) => ({ name, message: NODE_MESSAGE })),
  patterns: [{ group: ['node:*'], message: NODE_MESSAGE }]
}
const both = (...boundaries) => ({ paths: boundaries.flatMap((b) => b.paths), patterns: boundaries.flatMap((b) => b.patterns) })

// no-restricted-imports reads import and export statements only: an `import('…')` expression past a
// boundary is refused by this selector. (esquery's regular expressions cannot hold a `/`: it is spelled \x2F.)
const literally = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const dynamicImport = (patterns, message) => ({
  selector: `ImportExpression[source.value=/^(${patterns.join('|').replaceAll('/', '\\x2F')})$/]`,
  message
})
const dynamicElectron = dynamicImport(['electron', 'electron/.+'], ELECTRON_MESSAGE)
const dynamicNode = dynamicImport([...builtinModules.map(literally), 'node:.+'], NODE_MESSAGE)

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'docs/**', 'resources/**', '.electron-native/**', 'tests/fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `void promise` marks a promise left to run on its own.
      'no-void': 'off'
    }
  },
  {
    files: ['src/main/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron], 'no-restricted-syntax': ['error', dynamicElectron] }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', both(noElectron, noNode)], 'no-restricted-syntax': ['error', dynamicElectron, dynamicNode] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The rules of hooks; the React Compiler's stricter rules are for code written for the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        both(noNode, { paths: [], patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches the engine only through the contract (src/shared/api).' }] })
      ],
      'no-restricted-syntax': ['error', dynamicNode]
    }
  }
)
