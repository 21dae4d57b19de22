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

test('without the token the host refuses the page', async ({ page }) => {
  app = await startApp();
  const res = await page.goto(app.origin + '/');
  expect(res?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Open the URL');
});
