import { z } from 'zod'
import { manifestSchema } from './manifestSchema.js'

/**
 * The JSON Schema (draft-07, which every editor supports) generated from
 * {@link manifestSchema} with zod's `z.toJSONSchema`. It is also committed as
 * `deployments/manifest.schema.json` (`pnpm --filter @storydao/core
 * schema:generate`), which every manifest references with
 * `"$schema": "./manifest.schema.json"`.
 *
 * It covers the shape and address format; the checksum and cross-entry checks
 * only run in {@link parseManifest}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifestjsonschema
 *
 * @example
 * ```ts
 * import { manifestJsonSchema } from '@storydao/core'
 *
 * console.log(JSON.stringify(manifestJsonSchema, null, 2))
 * ```
 */
export const manifestJsonSchema: Record<string, unknown> = (() => {
  const { $schema, ...rest } = z.toJSONSchema(manifestSchema, {
    target: 'draft-07',
    io: 'input',
  })
  return {
    $schema,
    title: 'StoryDAO deployment manifest',
    description:
      'deployments/<network>.json: addresses, kinds and upgrade history of the StoryDAO protocol on one network. Generated from manifestSchema in @storydao/core; do not edit by hand.',
    ...rest,
  }
})()
