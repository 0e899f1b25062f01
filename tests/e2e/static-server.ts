// A small static server of the tests' own, on loopback, for builds made inside a test (an
// update between two versions, a build under a sub-path). `serve(dir)` switches what it
// serves; unknown paths get index.html, as a static host's single-page fallback would.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  serve(dir: string): void;
  close(): Promise<void>;
}

/** Where requests under `prefix` go instead (a CouchDB server), as a deployment's proxy would. */
export interface Proxy {
  prefix: string;
  target: string;
}

/** Serves `dir` at `http://127.0.0.1:port{mount}`, passing `proxy.prefix` on to `proxy.target`. */
export async function startStaticServer(port: number, dir: string, mount = '/', proxy?: Proxy): Promise<StaticServer> {
  let root = dir;
  const server: Server = createServer((req, res) => {
    if (proxy && (req.url ?? '').startsWith(proxy.prefix)) return pass(req, res, proxy);
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!path.startsWith(mount)) {
      res.writeHead(404).end();
      return;
    }
    let file = join(root, normalize(path.slice(mount.length)).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    serve: (next) => void (root = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function pass(req: IncomingMessage, res: ServerResponse, proxy: Proxy): void {
  const target = new URL(proxy.target);
  const headers = { ...req.headers, host: target.host };
  const out = request(
    { host: target.hostname, port: target.port, method: req.method, path: `/${(req.url ?? '').slice(proxy.prefix.length)}`, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', () => res.writeHead(502).end());
  // A page closed mid-request: stop the request to the server too (as a real proxy would).
  res.on('close', () => out.destroy());
  req.pipe(out);
}

/** Builds the app into `outDir` with Vite's API (a test's own build, not dist/). */
export async function buildApp(outDir: string, options: { base?: string; buildId?: string } = {}): Promise<void> {
  const before = process.env.VITE_BUILD_ID;
  if (options.buildId !== undefined) process.env.VITE_BUILD_ID = options.buildId;
  try {
    await build({ configFile: 'vite.config.ts', base: options.base ?? '/', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.VITE_BUILD_ID;
    else process.env.VITE_BUILD_ID = before;
  }
}
