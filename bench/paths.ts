import { resolve } from 'node:path'

export const ROOT = resolve(__dirname, '..')
export const RESOURCES_DIR = resolve(ROOT, 'resources')
