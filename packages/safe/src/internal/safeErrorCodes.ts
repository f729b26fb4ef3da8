/**
 * @internal Safe 1.3.0–1.5.0 revert codes (safe-smart-account
 * `docs/error_codes.md`) that `execTransaction` and the owner checks can
 * raise. The only copy: every decoder goes through `decodeSafeRevert`.
 */
export const safeErrorCodes: Readonly<Record<string, string>> = {
  GS000: 'Could not finish initialization',
  GS001: 'Threshold needs to be defined',
  GS010: 'Not enough gas to execute Safe transaction',
  GS011: 'Could not pay gas costs with ether',
  GS012: 'Could not pay gas costs with token',
  GS013: 'Safe transaction failed when gasPrice and safeTxGas were 0',
  GS020: 'Signatures data too short',
  GS021: 'Invalid contract signature location: inside static part',
  GS022: 'Invalid contract signature location: length not present',
  GS023: 'Invalid contract signature location: data not complete',
  GS024: 'Invalid contract signature provided',
  GS025: 'Hash has not been approved',
  GS026: 'Invalid owner provided',
  GS030: 'Only owners can approve a hash',
  GS031: 'Method can only be called from this contract',
}
