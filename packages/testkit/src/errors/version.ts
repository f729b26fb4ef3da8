/** @internal The `Version:` line of testkit's errors; bumped with package.json. */
export const version = '@storydao/testkit@0.1.0'
