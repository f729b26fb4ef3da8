import type { EmergencyLane, EmergencyLanesFile } from './emergencyLanes.js'

/**
 * @internal The lanes for `target` (a contract name) or, without one, the
 * lanes that pause every pausable contract: the `all` batch, or the single
 * contract's own lanes when there is only one. Throws `EmergencyLaneUnknownError`
 * when the file has none for it.
 */
export async function selectLanes({
  file,
  target,
}: {
  file: EmergencyLanesFile
  target?: string | undefined
}): Promise<EmergencyLane[]> {
  const wanted =
    target && target !== 'all'
      ? target
      : file.pausable.length === 1
        ? file.pausable[0]
        : 'all'
  const lanes = file.lanes.filter((lane) => lane.target === wanted)
  if (lanes.length > 0) return lanes
  const { EmergencyLaneUnknownError } = await import(
    '../../errors/emergency.js'
  )
  throw new EmergencyLaneUnknownError({
    asked: target ?? 'all',
    known: [...new Set(file.lanes.map((lane) => lane.target))],
  })
}
