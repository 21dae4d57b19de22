import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

// Tall enough that the starter library's top-level files show below its folders in the virtualised tree.
test.use({ viewport: { width: 1280, height: 2000 } });

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

test('typing a query shows ranked results as you type, and a result opens in the preview', async ({ page }) => {
  app = await startApp();
  await page.goto(app.url);
  await expect(page.getByRole('tree', { name: 'Library files' })).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await box.pressSequentially('secure revi', { delay: 30 });
  const results = page.getByRole('list', { name: 'Search results' });
  const hit = results.locator('[data-path="roles/security/secure-code-review.md"]');
  await expect(hit).toBeVisible();
  await expect(results.locator('button').first()).toHaveAttribute('data-path', 'roles/security/secure-code-review.md');
  await hit.click();
  await expect(page.getByRole('article', { name: 'Preview' }).getByRole('heading', { level: 1 })).toHaveText(
    /Secure code review/i,
  );

  // Filters by kind.
  await box.fill('review');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('agent');
  await expect(results.locator('button:not([data-path^="agents/"])')).toHaveCount(0);
  await expect(results.locator('button[data-path^="agents/"]')).not.toHaveCount(0);
  await page.screenshot({ path: artifactPath('search.png') });

  // A file written by another process shows up without a reload (the watcher's files:changed event).
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('');
  await box.fill('xylophone');
  await expect(page.getByText('No files match')).toBeVisible();
  fs.writeFileSync(path.join(app.home, 'personal', 'music.md'), '---\ntitle: Music notes\n---\nA xylophone.');
  await expect(results.locator('[data-path="music.md"]')).toBeVisible();

  // Clearing the box shows the tree again.
  await box.fill('');
  await expect(page.getByRole('tree', { name: 'Library files' }).locator('[data-path="music.md"]')).toBeVisible();
});
