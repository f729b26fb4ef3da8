/** @internal The package that raises ops-sdk's errors, for their `Version:` line. */
export const version = '@storydao/ops-sdk@0.1.0'
