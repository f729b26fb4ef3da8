/**
 * @internal The package that raises this package's errors, printed on their
 * `Version:` line. Kept equal to package.json by `version.test.ts`.
 */
export const version = '@storydao/safe@0.1.0'
