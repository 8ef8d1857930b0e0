// For a vitest file of WordPress tests: the shared test site, a post of the file's own (deleted after, with
// its comments) and a logging proxy in front of the site.
import { afterAll, beforeAll } from 'vitest'
import { startWordPress, type WordPressSite } from './wordpress'
import { createPost, deletePost, loggingProxy, type LoggingProxy } from './wordpress-fixtures'

export interface TestSite {
  site: WordPressSite
  proxy: LoggingProxy
  postId: number
}

/** Registers the file's hooks; `ready` receives the site once it is up. */
export function useTestSite(postTitle: string, ready: (testSite: TestSite) => void): void {
  let testSite: TestSite | undefined
  beforeAll(async () => {
    const site = await startWordPress()
    testSite = { site, proxy: await loggingProxy(site), postId: await createPost(site, postTitle) }
    ready(testSite)
  }, 900_000)
  afterAll(async () => {
    if (!testSite) return
    await deletePost(testSite.site, testSite.postId)
    await testSite.proxy.close()
  })
}
