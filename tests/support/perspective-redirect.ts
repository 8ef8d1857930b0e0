// Points perspective-api-client (which always calls Google) at a loopback server, through an axios
// request interceptor on the very axios instance the client uses. Only tests install it.
import { createRequire } from 'node:module'
import { onTestFinished } from 'vitest'

const GOOGLE = 'https://commentanalyzer.googleapis.com'

interface AxiosInterceptors {
  interceptors: { request: { use(change: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } }
}

export function redirectPerspective(origin: string): void {
  const fromClient = createRequire(createRequire(import.meta.url).resolve('perspective-api-client'))
  const axios = fromClient('axios') as AxiosInterceptors
  const id = axios.interceptors.request.use((config) => ({ ...config, url: config.url?.replace(GOOGLE, origin) }))
  onTestFinished(() => axios.interceptors.request.eject(id))
}
