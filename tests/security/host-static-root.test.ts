import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../src/main/host/server';
import { isInsideRoot, resolveInRoot } from '../../src/main/host/static-file';
import { rawRequest, startTestHost } from '../helpers/host';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const SECRET = 'sibling secret';

/** A sibling folder whose name starts with the root's (`ui-x` beside `ui`), holding a secret file. */
function makeSibling(staticDir: string): string {
  const sibling = `${staticDir}-x`;
  fs.mkdirSync(sibling);
  fs.writeFileSync(path.join(sibling, 'secret.txt'), SECRET);
  return sibling;
}

describe('host static root', () => {
  it('compares whole path segments', () => {
    expect(isInsideRoot('/a/dist/renderer', '/a/dist/renderer/index.html')).toBe(true);
    expect(isInsideRoot('/a/dist/renderer', '/a/dist/renderer')).toBe(true);
    expect(isInsideRoot('/a/dist/renderer', '/a/dist/renderer-x/secret.txt')).toBe(false);
    expect(isInsideRoot('/a/dist/renderer', '/a/dist/rendererx')).toBe(false);
    expect(isInsideRoot('/a/dist/renderer', '/a/dist')).toBe(false);
    expect(isInsideRoot('/a/dist/renderer', '/a/dist/renderer/..x/file')).toBe(true);
  });

  it('never serves a file of a sibling-prefixed folder, by traversal or through a symlink', async () => {
    let staticDir: string;
    ({ host, staticDir } = await startTestHost());
    const sibling = makeSibling(staticDir);
    const name = path.basename(sibling);
    fs.symlinkSync(sibling, path.join(staticDir, 'link'));
    fs.symlinkSync(path.join(sibling, 'secret.txt'), path.join(staticDir, 'secret.txt'));
    for (const p of [
      `/../${name}/secret.txt`,
      `/..%2f${name}%2fsecret.txt`,
      `/%2e%2e/${name}/secret.txt`,
      `/..%5c${name}%5csecret.txt`,
      '/link/secret.txt',
      '/secret.txt',
    ]) {
      const r = await rawRequest(host.origin, p);
      expect(r.body, p).not.toContain(SECRET);
      expect(r.body, p).toContain('<title>ui</title>');
    }
    expect(resolveInRoot(staticDir, '/link/secret.txt')).toBeUndefined();
    expect(resolveInRoot(staticDir, `/..%2f${name}%2fsecret.txt`)).toBeUndefined();
    expect(resolveInRoot(staticDir, '/index.html')).toBe(fs.realpathSync(path.join(staticDir, 'index.html')));
  });

  it('serves files inside the root with their type', async () => {
    let staticDir: string;
    ({ host, staticDir } = await startTestHost());
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
    const r = await rawRequest(host.origin, '/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.body).toBe('export {};');
  });
});
