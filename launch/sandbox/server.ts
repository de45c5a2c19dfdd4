/**
 * The sandbox EHR as a real HTTP server on 127.0.0.1: sandbox routes (`/fhir/**`, `/auth/**`,
 * `/ehr/**`, OIDC discovery) go to `sandbox.handle`; everything else is the app, served by Vite in
 * middleware mode (`serveApp: 'vite'`), from `dist/` (`'dist'`), or not at all (`'none'`).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.ts';

/** Options of startSandbox. */
export interface StartOptions extends Omit<SandboxOptions, 'origin'> {
  /** Port to listen on; 0 = a free random port (default 0). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** How the app is served next to the sandbox (default 'vite'). */
  serveApp?: 'vite' | 'dist' | 'none';
  /** Directory served with `serveApp: 'dist'` (default <repo>/dist). */
  distDir?: string;
  /** Origin override (default http://127.0.0.1:<port>, or http://localhost:<port> when host is localhost). */
  origin?: string;
}

/** A running sandbox. */
export interface RunningSandbox {
  origin: string;
  fhirBase: string;
  ehrUrl: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Repository root (launch/sandbox/../..). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

const SANDBOX_PATH = /^\/(fhir|auth|ehr)(\/|$)|^\/\.well-known\/openid-configuration$/;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Converts a Node request into a web Request on the sandbox origin. */
async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(new URL(req.url ?? "/", origin), { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
}

async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

function serveDist(dist: string, req: IncomingMessage, res: ServerResponse): void {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(dist, pathname));
  if (!file.startsWith(dist)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${pathname} (run npm run build first)`);
    return;
  }
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

/** Starts the sandbox (and the app) on one HTTP server. */
export async function startSandbox(opts: StartOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  let handleApp: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('The app is not served by this sandbox (serveApp: none)');
  };
  let sandbox: Sandbox | undefined;
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!SANDBOX_PATH.test(path)) {
      handleApp(req, res);
      return;
    }
    void (async () => {
      try {
        if (!sandbox) throw new Error('sandbox not ready');
        await sendWebResponse(res, await sandbox.handle(await toWebRequest(req, origin)));
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  origin = opts.origin ?? `http://${host === 'localhost' ? 'localhost' : '127.0.0.1'}:${port}`;
  const { port: _p, host: _h, serveApp = 'vite', origin: _o, distDir, ...sandboxOpts } = opts;
  sandbox = createSandbox({ ...sandboxOpts, origin });

  let closeVite: (() => Promise<void>) | undefined;
  if (serveApp === 'vite') {
    const { createServer: createViteServer } = await import('vite');
    const vite = await createViteServer({
      root: REPO_ROOT,
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      appType: 'mpa',
      logLevel: 'warn',
      server: { middlewareMode: true, hmr: { server } },
    });
    handleApp = (req, res) => vite.middlewares(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    });
    closeVite = () => vite.close();
  } else if (serveApp === 'dist') {
    const dist = resolve(distDir ?? join(REPO_ROOT, 'dist'));
    handleApp = (req, res) => serveDist(dist, req, res);
  }

  return {
    origin,
    fhirBase: sandbox.fhirBase,
    ehrUrl: `${origin}/ehr/`,
    sandbox,
    async close() {
      await closeVite?.();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
