/**
 * @internal The package that raises core's errors, printed on their
 * `Version:` line (`@storydao/<name>@<version>`). Kept equal to package.json
 * by `version.test.ts`.
 */
export const version = '@storydao/core@0.1.0'
