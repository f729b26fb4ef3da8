/**
 * @internal The hosted Transaction Service's short name per chain, as
 * api-kit 4.2.0 maps them (its `networks` table, copied verbatim): the hosted
 * base is `https://api.safe.global/tx-service/<shortName>/api`
 * (docs/safe-transaction-service.md#how-api-kit-reaches-the-service).
 */
const shortNames: ReadonlyMap<number, string> = new Map([
  [1, 'eth'],
  [10, 'oeth'],
  [50, 'xdc'],
  [56, 'bnb'],
  [100, 'gno'],
  [130, 'unichain'],
  [137, 'pol'],
  [143, 'monad'],
  [146, 'sonic'],
  [196, 'okb'],
  [204, 'opbnb'],
  [232, 'lens'],
  [324, 'zksync'],
  [480, 'wc'],
  [988, 'stable'],
  [999, 'hyper'],
  [1101, 'zkevm'],
  [1672, 'pharos'],
  [3338, 'peaq'],
  [3637, 'btc'],
  [4217, 'tempo'],
  [4326, 'mega'],
  [5000, 'mantle'],
  [5003, 'mnt-sep'],
  [8453, 'base'],
  [9745, 'plasma'],
  [10143, 'monad-testnet'],
  [10200, 'chi'],
  [16661, '0g'],
  [25363, 'fluent'],
  [42161, 'arb1'],
  [42220, 'celo'],
  [42431, 'tempo-moderato'],
  [43111, 'hemi'],
  [43114, 'avax'],
  [46630, 'robinhood-testnet'],
  [57073, 'ink'],
  [59144, 'linea'],
  [80069, 'bep'],
  [80094, 'berachain'],
  [81224, 'codex'],
  [84532, 'basesep'],
  [102030, 'ctc'],
  [534352, 'scr'],
  [747474, 'katana'],
  [5042002, 'arc-testnet'],
  [11142220, 'celo-sep'],
  [11155111, 'sep'],
  [1313161554, 'aurora'],
])

/** @internal The hosted service's root, before `/<shortName>/api`. */
export const hostedServiceRoot = 'https://api.safe.global/tx-service'

/**
 * @internal The hosted service's base URL for a chain under `root`, or
 * `undefined` for a chain it does not cover.
 */
export function hostedServiceUrl(
  chainId: number,
  root: string,
): string | undefined {
  const shortName = shortNames.get(chainId)
  return shortName && `${root.replace(/\/+$/, '')}/${shortName}/api`
}
