// A separate process that writes a manifest, for the crash and concurrency
// tests. Run with `node --import tsx`.
//
//   write-loop <path>            rewrite a large manifest forever
//   append <path> <label> <n>    append n upgrades through updateManifest
import { updateManifest } from '../updateManifest.js'
import { writeManifest } from '../writeManifest.js'
import { address, largeManifest } from './manifests.js'

const [mode, path, label = 'w', count = '1'] = process.argv.slice(2)
if (!path) throw new Error('usage: manifestWriterProcess <mode> <path> …')

if (mode === 'write-loop') {
  const versions = [
    largeManifest(200, 'a', 2_000_000),
    largeManifest(200, 'b', 2_000_000),
  ]
  process.stdout.write('started\n')
  for (let index = 0; ; index++)
    await writeManifest(path, {
      manifest: versions[index % 2]!,
      lockTimeoutMs: 60_000,
    })
}

if (mode === 'append') {
  for (let index = 0; index < Number(count); index++)
    await updateManifest(path, {
      update: (manifest) => ({
        ...manifest,
        upgrades: [
          ...(manifest.upgrades ?? []),
          {
            id: `${label}-${index}`,
            target: 'AuthorCoin',
            fromImplementation: address(`${label}-${index}-from`),
            toImplementation: address(`${label}-${index}-to`),
            calldata: '0x',
            status: 'prepared',
            createdAt: new Date().toISOString(),
          },
        ],
      }),
      lockTimeoutMs: 60_000,
    })
  process.stdout.write('done\n')
}
