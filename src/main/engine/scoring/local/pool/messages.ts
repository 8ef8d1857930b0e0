// What the scoring pool and its threads say to each other.
import type { ScoreResult } from '../../scorer'

export interface WorkerSetup {
  modelPath: string
}

export interface WorkerRequest {
  id: number
  texts: string[]
}

export type WorkerResponse = { id: number; results: ScoreResult[] } | { id: number; error: string }
