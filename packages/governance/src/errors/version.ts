/**
 * @internal The `Version:` line of this package's errors. Bumped with
 * package.json's version on release (a test keeps them equal).
 */
export const version = '@storydao/governance@0.1.0'
