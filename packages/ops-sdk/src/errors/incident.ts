import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'docs/operations/incident-response.md'

export type IncidentExistsErrorType = IncidentExistsError & {
  name: 'IncidentExistsError'
}

/** An incident log with this slug already exists. */
export class IncidentExistsError extends OpsError {
  override name = 'IncidentExistsError'
  constructor({ slug, path }: { slug: string; path: string }) {
    super(`Incident "${slug}" is already open.`, {
      code: 'INCIDENT_EXISTS',
      docsPath,
      metaMessages: [`Log: ${path}`],
      hint: `Append to it with --incident ${slug}, or choose another title.`,
      version,
    })
  }
}

export type IncidentTitleInvalidErrorType = IncidentTitleInvalidError & {
  name: 'IncidentTitleInvalidError'
}

/** The title has no letters or digits to name the log after. */
export class IncidentTitleInvalidError extends OpsError {
  override name = 'IncidentTitleInvalidError'
  constructor({ title }: { title: string }) {
    super(`Incident title ${JSON.stringify(title)} is empty.`, {
      code: 'INCIDENT_TITLE_INVALID',
      docsPath,
      hint: 'Give a short title with letters or digits: storydao-ops incident open "AuthorCoin drain".',
      version,
    })
  }
}

export type IncidentNotFoundErrorType = IncidentNotFoundError & {
  name: 'IncidentNotFoundError'
}

/** No incident log has this slug. */
export class IncidentNotFoundError extends OpsError {
  override name = 'IncidentNotFoundError'
  constructor({ slug, dir }: { slug: string; dir: string }) {
    super(`No incident "${slug}".`, {
      code: 'INCIDENT_NOT_FOUND',
      docsPath,
      metaMessages: [`Looked in: ${dir}`],
      hint: 'Use the slug "incident open" printed (<date>-<title>), or open one first.',
      version,
    })
  }
}

export type IncidentClosedErrorType = IncidentClosedError & {
  name: 'IncidentClosedError'
}

/** The incident was closed; its log is final. */
export class IncidentClosedError extends OpsError {
  override name = 'IncidentClosedError'
  constructor({ slug, path }: { slug: string; path: string }) {
    super(`Incident "${slug}" is closed.`, {
      code: 'INCIDENT_CLOSED',
      docsPath,
      metaMessages: [`Log: ${path}`],
      hint: 'Open a new incident for further actions.',
      version,
    })
  }
}
