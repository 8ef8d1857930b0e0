// Lint: the TypeScript and React hooks rules, and the process boundaries the architecture promises —
// the engine and the shared contract never import Electron; the shared contract and the renderer never
// import Node's built-ins; the renderer never imports the main process's code.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

const noElectron = { name: 'electron', message: 'The engine and the shared contract never import Electron: it reaches them as arguments.' }
const noNode = nodeBuiltins.map((name) => ({ name, message: 'The shared contract and the renderer run without Node.' }))

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
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, ...noNode] }] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The rules of hooks; the React Compiler's stricter rules are for code written for the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { paths: noNode, patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches the engine only through the contract (src/shared/api).' }] }]
    }
  }
)
