import type { Remote } from '../../storage/index.ts';
import { CouchClient, CouchError } from '../../sync/couch-client.ts';
import { AccountError } from './account-error.ts';

/** A client for the remote shop's server (the session cookie travels with it). */
export function shopClient(remote: Remote): CouchClient {
  return new CouchClient({ url: remote.url, timeoutMs: 20_000 });
}

/** A network failure or an unexpected answer, as an AccountError; others pass through. */
export function asAccountError(error: unknown): unknown {
  if (!(error instanceof CouchError)) return error;
  if (error.status === 0) return new AccountError('unreachable', error.reason);
  return new AccountError('server', `${error.status} ${error.error}: ${error.reason}`);
}
