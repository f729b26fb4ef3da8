import { setErrorConfig } from '../setErrorConfig.js'

// Pinned so error message snapshots do not change with every release.
setErrorConfig({
  getDocsUrl: ({ docsPath }) => docsPath,
  version: '@storydao/core@x.y.z',
})
