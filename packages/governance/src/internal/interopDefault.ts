/** @internal `module.exports` of a CommonJS module however the loader exposed it. */
export function interopDefault<module extends object>(
  namespace: module & { default?: module | undefined },
): module {
  return namespace.default ?? namespace
}
