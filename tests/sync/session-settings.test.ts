// The setup command's session lifetime: on CouchDB it is set on every node, and a sign-in
// then gets a persistent cookie that lasts that long; where it cannot be set, it says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { sessionSettings, setSessionLifetime } from '../../src/sync/session-settings.ts';
import { basic, CONTRACT_SERVERS, createUser, type TestCouch } from './couch-server.ts';

for (const server of CONTRACT_SERVERS) describe.skipIf(!server.given)(`on ${server.name}`, () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await server.start();
    await createUser(couch.admin, 'ann', 'ann-password');
  }, 60_000);
  afterAll(async () => couch?.stop());

  /** The session cookie a sign-in as ann gets now. */
  async function cookieOfSignIn(): Promise<string> {
    const res = await fetch(`${couch.url}_session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'ann', password: 'ann-password' }) });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie') ?? '';
  }

  it('refuses to set it for anyone but the server admin', async () => {
    const ann = new CouchClient({ url: couch.url, authorization: basic('ann', 'ann-password') });
    expect(await setSessionLifetime(ann, 30)).toMatchObject({ set: false });
  });

  it.runIf(!server.pouch)('sets 30 days and persistent cookies on every node; a sign-in then lasts 30 days', async () => {
    expect(await cookieOfSignIn()).toMatch(/Max-Age=600\b/); // CouchDB's default: ten minutes
    expect(await setSessionLifetime(couch.admin, 30)).toEqual({ set: true, nodes: ['couchdb@127.0.0.1'] });
    expect(await couch.admin.request('GET', '_node/_local/_config/chttpd_auth')).toMatchObject(sessionSettings(30));
    expect(sessionSettings(30).timeout).toBe('2592000');
    expect(await cookieOfSignIn()).toMatch(/Max-Age=2592000\b/);
  });

  it.runIf(server.pouch)('says it could not where the server has no config API for it (PouchDB Server), and the server is still up', async () => {
    const result = await setSessionLifetime(couch.admin, 30);
    expect(result.set).toBe(false);
    expect(await couch.admin.session()).toMatchObject({ userCtx: { name: 'admin' } });
  });

  it('refuses a lifetime that is not one', async () => {
    await expect(setSessionLifetime(couch.admin, 0)).rejects.toThrow(RangeError);
  });
});
