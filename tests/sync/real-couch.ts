/**
 * What the authority's scale tests and bench ask of the real CouchDB (real-couchdb.ts finds and
 * starts it, couch-server.ts wraps it): whether it is there, and one with cheap password
 * hashing, for runs that make a thousand users (CouchDB 3.5 hashes with 600,000 iterations by
 * default: about 0.2 s a user).
 */
import { startRealCouch as startCouchDb3, type TestCouch } from './couch-server.ts';
import { couchdbStartScript } from './real-couchdb.ts';

export const realCouchAvailable = (): boolean => couchdbStartScript() !== undefined;

export interface RealCouchOptions {
  cheapPasswords?: boolean;
}

export function startRealCouch(options: RealCouchOptions = {}): Promise<TestCouch> {
  return startCouchDb3(options.cheapPasswords ? { config: { chttpd_auth: { iterations: '10' } } } : {});
}
