// What the scoring pool and its threads say to each other.
export interface WorkerSetup {
  modelPath: string
}

export interface WorkerRequest {
  id: number
  texts: string[]
}

/** `results` is the batch's ScoreResult[] as JSON. */
export type WorkerResponse = { id: number; results: string } | { id: number; error: string }
