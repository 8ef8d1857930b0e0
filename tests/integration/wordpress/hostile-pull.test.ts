// One comment Sieve cannot take in never stops a pull: against the real WordPress, a held comment nested
// 5,000 <b> deep (which any reader may post) is refused on its own, named with its id and why, in the
// pull's report and on the Sources screen's data; the other held comments land, and the next pull moves on.
// The site is shared with every other test run: the deep comment lives only as long as this test needs it.
import { describe, expect, it } from 'vitest'
import { deeplyNested } from '../../support/hostile'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { insertComments, insertHeldComment, type LoggingProxy } from '../../support/wordpress-fixtures'
import { tempEngine } from '../../support/temp-engine'
import { describePull } from '../../../src/main/engine/sources/describe-pull'

let site: WordPressSite
let proxy: LoggingProxy
let postId: number

useTestSite('Hostile pull story', (ready) => ({ site, proxy, postId } = ready))

/** Past the second a pull overlaps by, so the comments dated before are not listed again. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 2100))

describe('a comment that cannot be converted', () => {
  it('is refused alone: the other held comments land, the Sources screen names it, and the next pull is not stuck', async () => {
    const engine = await tempEngine({ now: () => new Date() })
    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
    await engine.call('pullNow', {})
    const landed = (id: number) => engine.db.prepare('SELECT status FROM comments WHERE external_id = ?').get(String(id))

    const [before] = await insertComments(site, postId, 1, 'hold', 'Before-deep')
    const deep = await insertHeldComment(site, postId, deeplyNested(5000))
    try {
      await nextSecond()
      const [after] = await insertComments(site, postId, 1, 'hold', 'After-deep')
      const [{ report }] = await engine.call('pullNow', {})

      expect(report.rejected).toEqual([{ id: String(deep), reason: expect.stringMatching(/HTML nests elements more than 100 deep/) }])
      expect(landed(before)).toEqual({ status: 'pending' })
      expect(landed(after)).toEqual({ status: 'pending' })
      expect(landed(deep)).toBeUndefined()
      expect(describePull('Newsroom', report)).toMatch(new RegExp(`comment ${deep}: refused: its HTML nests`))
      expect((await engine.call('sources', {}))[0].lastPullRejected).toEqual([{ id: String(deep), reason: expect.stringMatching(/nests elements/) }])

      // The cursor moved past it: the next pull lists only what is newer, and lands it.
      const [later] = await insertComments(site, postId, 1, 'hold', 'Later-than-deep')
      const [{ report: next }] = await engine.call('pullNow', {})
      expect(next.rejected).toEqual([])
      expect(landed(later)).toEqual({ status: 'pending' })
      expect((await engine.call('sources', {}))[0].lastPullRejected).toEqual([])
    } finally {
      await site.deleteComment(deep)
    }
  })
})
