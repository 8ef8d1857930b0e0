import { resolve } from 'node:path'

/** The resources folder (policy, demo, model) for engines made by tests and their child processes. */
export const RESOURCES_DIR = resolve(__dirname, '../../resources')
