import fs from 'node:fs';
import type http from 'node:http';
import { staticFileFor } from './static-file';

const NOT_BUILT = 'The UI is not built yet. Run `npm run build` (or `npm run serve`, which builds it) and reload.';

/** The same Content-Security-Policy the Electron window uses, plus the WebSocket back to this host. */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc ? ` ${connectSrc}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Serves the built renderer (it holds no secret); unknown paths fall back to index.html (single-page app). */
export function serveStatic(root: string, urlPath: string, res: http.ServerResponse, csp: string): void {
  const found = staticFileFor(root, urlPath);
  if (!found) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(NOT_BUILT);
    return;
  }
  res.writeHead(200, {
    'content-type': found.contentType,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': found.isIndex ? 'no-store' : 'public, max-age=3600',
  });
  fs.createReadStream(found.file).pipe(res);
}
