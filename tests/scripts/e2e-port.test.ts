// The end-to-end tests' port: a free one unless E2E_PORT says which, so `npm test` runs while
// something else (say `npm start`) listens on 4173.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { e2ePort } from '../../scripts/e2e-port.ts';

const listen = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });

describe('e2ePort', () => {
  let held: Server | undefined;
  afterEach(() => held?.close());

  it('takes a free port, not 4173, when 4173 is taken, and tells the workers through the environment', async () => {
    held = await listen(4173).catch(() => undefined); // taken already (npm start?): just as good
    const env: NodeJS.ProcessEnv = {};
    const port = e2ePort(env);
    expect(port).not.toBe(4173);
    expect(env.E2E_PORT).toBe(String(port));
    (await listen(port)).close(); // free indeed
    expect(e2ePort(env)).toBe(port); // a worker loading the config again gets the same one
  });

  it('uses E2E_PORT when given, and refuses one that is not a port', () => {
    expect(e2ePort({ E2E_PORT: '4181' })).toBe(4181);
    expect(() => e2ePort({ E2E_PORT: 'x' })).toThrow(/E2E_PORT must be a port number/);
  });
});
