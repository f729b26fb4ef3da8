import { type Address, erc20Abi, formatEther, formatUnits } from 'viem'
import { readContract } from 'viem/actions'
import type { OpsContext } from '../createOpsContext.js'

/** @internal What turns a token's base units into the amount people read. */
export type TokenUnits = { symbol: string; decimals: number }

/**
 * @internal Symbol and decimals of each address that answers both, read
 * from the chain once per review; anything else (not a token, or not
 * deployed yet) is left out and its amounts stay raw.
 */
export async function readTokenUnits(
  context: OpsContext,
  addresses: readonly Address[],
): Promise<Map<string, TokenUnits>> {
  const unique = [...new Set(addresses.map((address) => address.toLowerCase()))]
  const entries = await Promise.all(
    unique.map(async (address) => {
      try {
        const [symbol, decimals] = await Promise.all([
          readContract(context.client, {
            address: address as Address,
            abi: erc20Abi,
            functionName: 'symbol',
          }),
          readContract(context.client, {
            address: address as Address,
            abi: erc20Abi,
            functionName: 'decimals',
          }),
        ])
        return [[address, { symbol, decimals }] as const]
      } catch {
        return []
      }
    }),
  )
  return new Map(entries.flat())
}

/** @internal `1,250,000 AUTH (1250000000000000000000000)`: token units first, raw beside them. */
export function formatTokenAmount(
  units: TokenUnits,
  amount: bigint,
  { sign = false }: { sign?: boolean } = {},
): string {
  const shown = withThousands(formatUnits(amount, units.decimals))
  return `${sign ? signed(shown) : shown} ${units.symbol} (${amount} base units)`
}

/** @internal `-10 ETH (-10000000000000000000 wei)`. */
export function formatEtherAmount(
  amount: bigint,
  { sign = false }: { sign?: boolean } = {},
): string {
  const shown = withThousands(formatEther(amount))
  return `${sign ? signed(shown) : shown} ETH (${amount} wei)`
}

function withThousands(amount: string): string {
  const negative = amount.startsWith('-')
  const [whole = '', fraction] = amount.replace(/^-/, '').split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${fraction ? `${grouped}.${fraction}` : grouped}`
}

function signed(amount: string): string {
  return amount.startsWith('-') ? amount : `+${amount}`
}
