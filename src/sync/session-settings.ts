/**
 * How long a signed-in phone stays signed in. CouchDB ends a session cookie `[chttpd_auth]
 * timeout` seconds after its last use (600 by default: a phone offline for ten minutes comes
 * back signed out, its orders stuck), and sends it as a persistent cookie (`Max-Age`) only with
 * `allow_persistent_cookies`, so that closing the browser does not sign the person out. A shop
 * whose phones are offline for days wants both: the setup command sets them, node by node
 * (every node of a cluster must agree), as the server's admin.
 */
import { CouchError, type CouchClient } from './couch-client.ts';

export const DEFAULT_SESSION_DAYS = 30;

/** The settings, by section and key, as CouchDB's config takes them (strings). */
export function sessionSettings(days: number): Record<string, string> {
  return { timeout: String(Math.round(days * 86_400)), allow_persistent_cookies: 'true' };
}

export type SessionSettingsResult =
  | { set: true; nodes: string[] }
  /** Not set: this server has no config API for us (PouchDB Server, a hosted CouchDB) or we are not its admin. */
  | { set: false; why: string };

export async function setSessionLifetime(client: CouchClient, days: number): Promise<SessionSettingsResult> {
  if (!(days > 0 && days <= 400)) throw new RangeError(`A session lifetime of ${days} days is not one this shop sets (1 to 400).`);
  let nodes: string[];
  try {
    nodes = (await client.request<{ cluster_nodes?: string[] }>('GET', '_membership')).cluster_nodes ?? [];
  } catch (error) {
    if (error instanceof CouchError && error.status !== 0) return { set: false, why: `${error.status} ${error.error}: ${error.reason}` };
    throw error;
  }
  if (nodes.length === 0) return { set: false, why: 'the server lists no nodes' };
  try {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(sessionSettings(days))) {
        await client.request('PUT', `_node/${encodeURIComponent(node)}/_config/chttpd_auth/${key}`, value);
      }
    }
  } catch (error) {
    if (error instanceof CouchError && error.status !== 0) return { set: false, why: `${error.status} ${error.error}: ${error.reason}` };
    throw error;
  }
  return { set: true, nodes };
}
