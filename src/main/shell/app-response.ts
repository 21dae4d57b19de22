import fs from 'node:fs';
import { contentSecurityPolicy } from '../host/static';
import { staticFileFor } from '../host/static-file';

/** The app's own scheme: the renderer loads from `app://renderer/…`, never from `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What the `app://` handler answers for a URL: a file of the built renderer (whole-segment root check) or an error. */
export function appResponse(rendererDir: string, url: string): Response {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('Bad URL.', { status: 400 });
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return new Response('Not found.', { status: 404 });
  const found = staticFileFor(rendererDir, parsed.pathname);
  if (!found) return new Response('The UI is not built yet. Run `npm run build` and restart.', { status: 503 });
  if (found.isIndex && parsed.pathname !== '/' && parsed.pathname !== '/index.html')
    return new Response('Not found.', { status: 404 });
  return new Response(fs.readFileSync(found.file), {
    status: 200,
    headers: {
      'content-type': found.contentType,
      'content-security-policy': contentSecurityPolicy(''),
      'x-content-type-options': 'nosniff',
    },
  });
}
