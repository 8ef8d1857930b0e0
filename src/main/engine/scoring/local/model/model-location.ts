// Which model file the local scorer reads: the newsroom's retrained one when there is one, else the shipped one.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface ModelLocations {
  /** The folder holding model/local-model.bin, the model Sieve ships. */
  resourcesDir: string
  /** The folder beside the database where a retrained model is kept. */
  dataDir: string
}

export function shippedModelPath(context: ModelLocations): string {
  return join(context.resourcesDir, 'model', 'local-model.bin')
}

export function retrainedModelPath(context: ModelLocations): string {
  return join(context.dataDir, 'local-model.bin')
}

export function localModelPath(context: ModelLocations): string {
  const retrained = retrainedModelPath(context)
  return existsSync(retrained) ? retrained : shippedModelPath(context)
}
