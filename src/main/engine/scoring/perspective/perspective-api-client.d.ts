// The parts of perspective-api-client (no types of its own) that Sieve uses.
declare module 'perspective-api-client' {
  interface AnalyzeOptions {
    stripHTML?: boolean
    truncate?: boolean
    doNotStore?: boolean
    validate?: boolean
  }
  class Perspective {
    constructor(options: { apiKey: string })
    analyze(request: string | Record<string, unknown>, options?: AnalyzeOptions): Promise<unknown>
  }
  export = Perspective
}
