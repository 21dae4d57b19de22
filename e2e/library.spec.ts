import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

test('browses the starter library and previews a file', async ({ page }) => {
  app = await startApp();
  await page.goto(app.url);
  const tree = page.getByRole('tree', { name: 'Library files' });
  await expect(tree.getByRole('treeitem', { name: /agents/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /common/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /mcp-servers/ })).toBeVisible();
  await expect(page.getByLabel('Status')).toContainText(/starter main @ [0-9a-f]{8}/);

  await tree.locator('[data-path="common/code-review.md"]').click();
  const preview = page.getByRole('article', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(/review/i);
  await expect(preview.getByLabel('Frontmatter')).toContainText('tags');
  await expect(preview.locator('.markdown h2').first()).toBeVisible();

  // Folders collapse and expand.
  await tree.locator('[data-path="roles"]').click();
  await expect(tree.locator('[data-path="roles/backend"]')).toHaveCount(0);
  await tree.locator('[data-path="roles"]').click();
  await expect(tree.locator('[data-path="roles/backend"]')).toBeVisible();

  await page.screenshot({ path: artifactPath('library.png') });
});

test('a fresh workspace offers set-up, which creates the starter library', async ({ page }) => {
  app = await startApp({ init: false });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Set up workspace' }).click();
  await expect(page.getByRole('tree', { name: 'Library files' }).locator('[data-path="agents"]')).toBeVisible();
  expect(app.cli('status', '--json').stdout).toContain('"initialized": true');
});

test('without the token the page says how to open it, and a stale token is dropped', async ({ page }) => {
  app = await startApp();
  const res = await page.goto(app.origin + '/');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('main', { name: 'Sign in' })).toContainText('Open the URL');
  await expect(page.getByRole('main', { name: 'Sign in' })).toContainText('#token=');

  // A token from an earlier run (the host was restarted): the page forgets it and says the same.
  await page.goto(`${app.origin}/#token=${'A'.repeat(app.token.length)}`);
  await page.reload();
  await expect(page.getByRole('main', { name: 'Sign in' })).toContainText('Open the URL');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});
