/** @internal Bumped with the package version on release. */
export const version = '0.1.0'
