// Team: joining a team's database from the app, and the soft claims that keep two moderators from
// reading the same comment at once.
import { teamCalls } from '../../../shared/api/team'
import { slice } from '../slice'
import { joinTeam, leaveTeam } from './join-team'
import { claim, claimedByOthers } from './store/claims'

export const teamSlice = slice('team', teamCalls, {
  queries: ({ db }) => ({
    claims: ({ keys }) => claimedByOthers(db, keys)
  }),
  commands: ({ db, secrets, options }) => ({
    connectTeam: ({ url, password }) => joinTeam(options.storeChoice, secrets, url, password),
    leaveTeam: () => leaveTeam(options.storeChoice),
    claim: ({ keys }) => {
      claim(db, keys)
      return claimedByOthers(db, keys)
    }
  })
})
