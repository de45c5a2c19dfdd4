/**
 * The built app (`dist/`) as static files, confined to that folder by its real path: the request
 * path is decoded, resolved under the folder, and the file's real path (symlinks followed) must be
 * inside the folder's real path — so neither `..%2f` tricks nor a sibling folder whose name merely
 * starts the same (`dist-x`) nor a symlink out of it is ever served. HTML pages get the built
 * policy as a header too, with the hashes of their own inline styles and `frame-ancestors`.
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy, inlineStyleHashes } from '../csp.ts';
import { decodedPath } from './request-guard.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether `path` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** The real path of the file a request path names inside `root`, or undefined (missing or outside). */
export function confinedFile(root: string, pathname: string): string | undefined {
  const candidate = resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
  if (!isInside(root, candidate) || !existsSync(candidate)) {
    return undefined;
  }
  let real = realpathSync(candidate);
  if (!isInside(root, real)) {
    return undefined;
  }
  if (statSync(real).isDirectory()) {
    const index = join(real, 'index.html');
    if (!existsSync(index)) {
      return undefined;
    }
    real = realpathSync(index);
    if (!isInside(root, real)) {
      return undefined;
    }
  }
  return real;
}

/** A request handler serving `dist` (which must exist) with `ownOrigins` allowed to frame and call. */
export function staticFiles(
  dist: string,
  ownOrigins: readonly string[],
  connectSrc: readonly string[] = [],
): (req: IncomingMessage, res: ServerResponse) => void {
  let root: string | undefined;
  return (req, res) => {
    root ??= existsSync(dist) ? realpathSync(dist) : undefined;
    const pathname = decodedPath(req.url);
    if (pathname === undefined) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const file = root ? confinedFile(root, pathname) : undefined;
    if (!file) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(root ? 'Not found' : 'Not found (run npm run build first)');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    if (extname(file) === '.html') {
      const html = readFileSync(file, 'utf8');
      const csp = contentSecurityPolicy({
        delivery: 'header',
        connectSrc: [...ownOrigins, ...connectSrc],
        frameAncestors: ownOrigins,
        styleHashes: inlineStyleHashes(html),
      });
      res
        .writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' })
        .end(html);
      return;
    }
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  };
}
