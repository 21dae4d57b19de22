import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeFixture } from '../bench/fixtures';
import { startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

/** Counts the requests the page sends over the host's WebSocket, per channel. */
function countRequests(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      const m = typeof f.payload === 'string' ? /"channel":"([^"]+)"/.exec(f.payload) : null;
      if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }),
  );
  return counts;
}

test('files added, edited and removed on disk update the open tree by deltas, without fetching it again', async ({
  page,
}) => {
  app = await startApp();
  // Tall enough that the starter library's top-level files show below its folders in the virtualised tree.
  await page.setViewportSize({ width: 1280, height: 2000 });
  const counts = countRequests(page);
  await page.goto(app.url);
  const tree = page.getByRole('tree', { name: 'Library files' });
  await expect(tree.locator('[data-path="agents"]')).toBeVisible();
  expect(counts.get('library:outline')).toBe(1);

  const file = path.join(app.home, 'personal', 'delta-note.md');
  fs.writeFileSync(file, '---\ntitle: Delta note\n---\nFirst.');
  const row = tree.locator('[data-path="delta-note.md"]');
  await expect(row).toHaveAttribute('title', 'Delta note');
  fs.writeFileSync(file, '---\ntitle: Delta note, edited\n---\nSecond.');
  await expect(row).toHaveAttribute('title', 'Delta note, edited');
  fs.mkdirSync(path.join(app.home, 'personal', 'drafts'));
  fs.writeFileSync(path.join(app.home, 'personal', 'drafts', 'one.md'), '# One');
  await expect(tree.locator('[data-path="drafts"]')).toContainText('1');
  await expect(tree.locator('[data-path="drafts/one.md"]')).toBeVisible();
  fs.rmSync(file);
  fs.rmSync(path.join(app.home, 'personal', 'drafts'), { recursive: true });
  await expect(row).toHaveCount(0);
  await expect(tree.locator('[data-path="drafts"]')).toHaveCount(0);

  expect(counts.get('library:outline')).toBe(1);
  expect(counts.get('library:tree') ?? 0).toBe(0);
  expect(counts.get('library:entriesAt')).toBeGreaterThanOrEqual(3);
});

test('a 20,000-file library renders, expands all and scrolls to its last entry', async ({ page }) => {
  app = await startApp({
    prepare: (home) => {
      writeFixture(path.join(home, 'personal'), 20_000);
      fs.writeFileSync(path.join(home, 'personal', 'zzzz-last.md'), '---\ntitle: The last file\n---\n');
    },
  });
  await page.goto(app.url);
  const tree = page.getByRole('tree', { name: 'Library files' });
  await expect(tree.locator('[data-path="agents"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.side-head')).toContainText(/200\d\d files/);

  await page.getByRole('button', { name: 'Expand all' }).click();
  const rows = await tree.evaluate((el) => Math.round(el.scrollHeight / 26));
  expect(rows).toBeGreaterThan(20_000);
  // Only the rows in view are in the page.
  expect(await tree.getByRole('treeitem').count()).toBeLessThan(200);

  await tree.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(tree.locator('[data-path="zzzz-last.md"]')).toBeVisible();
  await tree.locator('[data-path="zzzz-last.md"]').click();
  await expect(page.getByRole('article', { name: 'Preview' })).toContainText('The last file');

  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(tree.locator('[data-path="agents"]')).toHaveAttribute('aria-expanded', 'false');
  expect(await tree.evaluate((el) => Math.round(el.scrollHeight / 26))).toBeLessThan(50);
});
