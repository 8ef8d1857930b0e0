// Team: the soft claims that keep two moderators from reading the same comment at once.
import { teamCalls } from '../../../shared/api/team'
import { slice } from '../slice'
import { claim, claimedByOthers } from './store/claims'

export const teamSlice = slice('team', teamCalls, {
  queries: ({ db }) => ({
    claims: ({ keys }) => claimedByOthers(db, keys)
  }),
  commands: ({ db }) => ({
    claim: ({ keys }) => {
      claim(db, keys)
      return claimedByOthers(db, keys)
    }
  })
})
