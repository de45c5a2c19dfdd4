/**
 * The app's HTML pages in development (Vite): transformed by Vite as usual, then served with a
 * Content-Security-Policy whose script-src allows the app's own modules plus exactly the inline
 * scripts Vite added (React Refresh's preamble), by hash — no 'unsafe-inline' for scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import { decodedPath } from './request-guard.ts';
import { defaultCsp, inlineScriptHashes } from './security-headers.ts';
import { confinedFile } from './static-files.ts';

/** The HTML file a GET names under `root` (`/x/` → `/x/index.html`), or undefined when it is not a page. */
export function devPageFile(root: string, req: IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return undefined;
  }
  const path = decodedPath(req.url);
  if (path === undefined || path.startsWith('/@') || path.includes('/node_modules/')) {
    return undefined;
  }
  const page = path.endsWith('/') ? `${path}index.html` : path;
  if (!page.endsWith('.html')) {
    return undefined;
  }
  const file = confinedFile(root, page);
  return file && existsSync(file) ? file : undefined;
}

/** Serves one page through Vite's HTML transform with a hash-based script policy. */
export async function serveDevPage(
  vite: ViteDevServer,
  file: string,
  req: IncomingMessage,
  res: ServerResponse,
  ownOrigins: readonly string[],
  connectSrc: readonly string[] = [],
): Promise<void> {
  const url = req.url ?? '/';
  const html = await vite.transformIndexHtml(url, readFileSync(file, 'utf8'), req.url);
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': defaultCsp('app', ownOrigins, inlineScriptHashes(html), connectSrc),
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}
