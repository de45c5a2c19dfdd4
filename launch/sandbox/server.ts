/**
 * The sandbox EHR as a real HTTP server on 127.0.0.1: sandbox routes (`/fhir/**`, `/auth/**`,
 * `/ehr/**`, OIDC discovery) go to `sandbox.handle`; everything else is the app, served by Vite in
 * middleware mode (`serveApp: 'vite'`), from `dist/` (`'dist'`), or not at all (`'none'`).
 * Every request first passes request-guard.ts (Host check, decodable path, security headers), so
 * routes added later are covered as well.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { devPageFile, serveDevPage } from './dev-pages.ts';
import { guardRequest, hostAllowed, LOCAL_HOSTS } from './request-guard.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.ts';
import { staticFiles } from './static-files.ts';

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
  /** Host names served besides localhost, 127.0.0.1 and the origin's (any other Host header gets 403). */
  allowedHosts?: readonly string[];
  /** Origins the app pages may connect to besides the sandbox (other EHRs); the CSP refuses all others. */
  connectSrc?: readonly string[];
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

/** Converts a Node request into a web Request on the sandbox origin. */
async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) {
      continue;
    }
    for (const value of Array.isArray(v) ? v : [v]) {
      headers.append(k, value);
    }
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks);
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
}

async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Starts the sandbox (and the app) on one HTTP server. */
export async function startSandbox(opts: StartOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  let handleApp: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('The app is not served by this sandbox (serveApp: none)');
  };
  // eslint-disable-next-line prefer-const -- a request before `listen` resolves must read undefined ("not ready"), not hit a const's TDZ
  let sandbox: Sandbox | undefined;
  let origin = '';
  const guard = {
    allowedHosts: new Set<string>([...LOCAL_HOSTS, ...(opts.allowedHosts ?? [])]),
    ownOrigins: [] as string[],
    connectSrc: opts.connectSrc ?? [],
  };
  const server: Server = createServer((req, res) => {
    if (guardRequest(req, res, guard)) {
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!SANDBOX_PATH.test(path)) {
      handleApp(req, res);
      return;
    }
    void (async () => {
      try {
        if (!sandbox) {
          throw new Error('sandbox not ready');
        }
        await sendWebResponse(res, await sandbox.handle(await toWebRequest(req, origin)));
      } catch (error) {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
        }
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
  const {
    port: _p,
    host: _h,
    serveApp = 'vite',
    origin: _o,
    distDir,
    allowedHosts: _a,
    connectSrc: _c,
    ...sandboxOpts
  } = opts;
  sandbox = createSandbox({ ...sandboxOpts, origin });
  const originUrl = new URL(origin);
  guard.allowedHosts.add(originUrl.hostname);
  guard.ownOrigins.push(
    ...new Set([
      originUrl.origin,
      `${originUrl.protocol}//localhost:${originUrl.port || port}`,
      `${originUrl.protocol}//127.0.0.1:${originUrl.port || port}`,
    ]),
  );
  // the dev server's HMR websocket is reached by the same Host check
  server.prependListener('upgrade', (req: IncomingMessage, socket) => {
    if (!hostAllowed(req.headers.host, guard)) {
      socket.destroy();
    }
  });

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
    const viteApp = (req: IncomingMessage, res: ServerResponse) =>
      vite.middlewares(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      });
    handleApp = (req, res) => {
      const page = devPageFile(REPO_ROOT, req);
      if (!page) {
        return viteApp(req, res);
      }
      serveDevPage(vite, page, req, res, guard.ownOrigins, guard.connectSrc).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
        }
        res.end(`Could not build the page: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
    closeVite = () => vite.close();
  } else if (serveApp === 'dist') {
    handleApp = staticFiles(resolve(distDir ?? join(REPO_ROOT, 'dist')), guard.ownOrigins, guard.connectSrc);
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
