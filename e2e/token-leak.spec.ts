import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './helpers/app';

interface Seen {
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** Another local web server (any site the user visits on 127.0.0.1): records every request it gets. */
async function startRecorder(): Promise<{ origin: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url?.startsWith('/pixel')) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        '<!doctype html><title>recorder</title><img id="px" src="/pixel.svg">' +
          '<script>fetch("/probe", { credentials: "include" }).then(() => (document.title = "probed"))</script>',
      );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

let app: RunningApp | undefined;
let recorder: Awaited<ReturnType<typeof startRecorder>> | undefined;
test.afterEach(async () => {
  await app?.stop();
  await recorder?.close();
});

test('the API token never reaches another local server (no cookie, no header, no query)', async ({ page }) => {
  app = await startApp();
  recorder = await startRecorder();
  // Every request the page makes to its own host: the token may ride only in a header or the socket's subprotocol.
  const ownRequests: Array<{ url: string; cookie: string }> = [];
  page.on('request', (r) => {
    if (r.url().startsWith(app!.origin))
      void r.allHeaders().then((h) => ownRequests.push({ url: r.url(), cookie: h.cookie ?? '' }));
  });
  const socketUrls: string[] = [];
  page.on('websocket', (ws) => socketUrls.push(ws.url()));
  // Opened the way the user opens it: the URL `ai-config serve` printed, with the token in the fragment.
  await page.goto(app.url);
  const tree = page.getByRole('tree', { name: 'Library files' });
  await expect(tree.locator('[data-path="agents"]')).toBeVisible();
  expect(page.url()).not.toContain(app.token);

  // A reload keeps working: the token is in this tab's session storage.
  await page.reload();
  await expect(tree.locator('[data-path="agents"]')).toBeVisible();

  // From the app's page, the browser goes to the other server (a link or a script could do the same), which loads
  // an image and fetches with credentials from its own origin.
  await page.evaluate((url) => location.assign(url), `${recorder.origin}/landing?from=app`);
  await expect(page).toHaveTitle('probed');
  await expect(page.locator('#px')).toHaveJSProperty('complete', true);
  // And the browser is sent there directly, as a bookmark would.
  await page.goto(`${recorder.origin}/direct`);
  await expect(page).toHaveTitle('probed');

  const paths = recorder.seen.map((s) => s.url.split('?')[0]);
  expect(paths).toEqual(expect.arrayContaining(['/landing', '/pixel.svg', '/probe', '/direct']));
  for (const s of recorder.seen) {
    expect(s.url).not.toContain(app.token);
    expect(s.headers.cookie ?? '').not.toContain(app.token);
    expect(JSON.stringify(s.headers)).not.toContain(app.token);
  }
  expect(socketUrls.length).toBeGreaterThan(0);
  for (const u of socketUrls) expect(u).not.toContain(app.token);
  expect(ownRequests.length).toBeGreaterThan(0);
  for (const r of ownRequests) {
    expect(r.url).not.toContain(app.token);
    expect(r.cookie).toBe('');
  }
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.value.includes(app!.token))).toEqual([]);
});
