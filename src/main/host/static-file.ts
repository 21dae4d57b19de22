import fs from 'node:fs';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The Content-Type of a built renderer file. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `child` is `root` or lies inside it, compared by whole path segments (`/a/b` is not inside `/a/bc`). */
export function isInsideRoot(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The file a URL path names inside `root`; undefined when outside it, through a symlink out, missing or a folder. */
export function resolveInRoot(root: string, urlPath: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  if (!isInsideRoot(base, file)) return undefined;
  try {
    const real = fs.realpathSync(file);
    if (!isInsideRoot(fs.realpathSync(base), real) || !fs.statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/** A static file to send: the named file, or index.html for unknown paths (single-page app). */
export interface StaticFile {
  readonly file: string;
  readonly isIndex: boolean;
  readonly contentType: string;
}

/** Resolves a request path against the built renderer; undefined when the UI is not built. */
export function staticFileFor(root: string, urlPath: string): StaticFile | undefined {
  const index = resolveInRoot(root, '/index.html');
  if (!index) return undefined;
  const file = resolveInRoot(root, urlPath) ?? index;
  return { file, isIndex: file === index, contentType: contentTypeOf(file) };
}
