// Typechecked without @types/node (tsconfig.nonode.json): `Fork` is
// AsyncDisposable, so its declaration needs `Symbol.asyncDispose`, which the
// `ESNext.Disposable` lib provides as well as @types/node does.
import { createFork } from '@storydao/ops-sdk'

export async function forkBlockNumber(rpcUrl: string): Promise<bigint> {
  await using fork = await createFork({ rpcUrl })
  return fork.client.getBlockNumber()
}
