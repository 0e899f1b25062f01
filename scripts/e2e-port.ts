/**
 * The port the end-to-end tests serve the build on: E2E_PORT if given, else one the OS says is
 * free now, so that `npm test` does not fail because something else (`npm start`, another
 * checkout) listens on 4173. Playwright loads its config again in each worker: the port is
 * put into the environment, which the workers inherit, so they all agree.
 */
import { execFileSync } from 'node:child_process';

const PICK = `const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });`;

export function e2ePort(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.E2E_PORT;
  if (given !== undefined && given !== '') {
    const port = Number(given);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`E2E_PORT must be a port number, got "${given}".`);
    return port;
  }
  // Synchronous because a config file cannot wait; a child process may (a small race, fine on loopback).
  const port = Number(execFileSync(process.execPath, ['-e', PICK], { encoding: 'utf8' }));
  if (!Number.isInteger(port) || port < 1) throw new Error('Could not find a free port on 127.0.0.1 for the end-to-end tests.');
  env.E2E_PORT = String(port);
  return port;
}
