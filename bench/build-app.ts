/**
 * One production build of the app for the benches that need it (bundle sizes, start-up),
 * made with Vite's JS API (`build()` with vite.config.ts) into a temporary folder, once per
 * `npm run bench`, and deleted when the process exits. dist/ is left alone: others build and
 * test from it.
 *
 * The build runs in a child Node process: vite-plugin-pwa builds the service worker with a
 * Vite build of its own that ignores logLevel, and Vite 8's native reporter writes straight to
 * file descriptor 1, where the bench table goes. The child's output is shown only on failure.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuiltApp {
  outDir: string;
  /** Wall time of the `build()` call (in the child, so without Node's start-up). */
  ms: number;
}

/** Run with `node --input-type=module` in the repository: the JS API call, timed, reported over IPC. */
const CHILD = `
import { build } from 'vite';
import { performance } from 'node:perf_hooks';
const outDir = process.argv[1];
const start = performance.now();
await build({ configFile: 'vite.config.ts', build: { outDir, emptyOutDir: true }, logLevel: 'silent' });
process.send({ ms: performance.now() - start });
`;

let built: Promise<BuiltApp> | undefined;

export function buildApp(): Promise<BuiltApp> {
  built ??= new Promise<BuiltApp>((resolvePromise, reject) => {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, outDir], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (b: Buffer) => output.push(b.toString()));
    child.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
    let ms: number | undefined;
    child.on('message', (m: { ms: number }) => (ms = m.ms));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && ms !== undefined) resolvePromise({ outDir, ms });
      else reject(new Error(`vite build (exit code ${code}): ${lastLines(output.join(''))}`));
    });
  });
  return built;
}

/** The end of the build's output, where the error is, without colours. */
function lastLines(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return plain.split('\n').slice(-15).join('\n') || 'no output';
}
