import type { Account, Chain } from 'viem'
import { TestkitError } from '../../errors/testkit.js'
import type { LocalClient } from '../../localClient.js'

/**
 * @internal The client's sending account; the local stack's clients always
 * have one (an anvil JSON-RPC account), but `LocalStack['client']` is typed
 * without it.
 */
export function requireAccount(
  client: LocalClient<Chain, Account | undefined>,
): Account {
  if (client.account) return client.account
  throw new TestkitError('The client has no account to send from.', {
    code: 'ACCOUNT_MISSING',
    hint: 'Create it with createLocalClient({ rpcUrl, account }), or use stack.client.',
  })
}
