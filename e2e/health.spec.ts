import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

test('Health shows every check, repairs a broken workspace with Fix, and Logs tails the CLI', async ({ page }) => {
  app = await startApp();
  // Real activity first: CLI commands through the router.
  expect(app.cli('library', 'list').status).toBe(0);
  expect(app.cli('health').status).toBe(0);
  const diag = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-diag-')), 'diag.json');
  expect(app.cli('diagnostics', diag).status).toBe(0);
  // Break something the doctor can repair.
  fs.rmSync(path.join(app.home, 'personal'), { recursive: true });
  expect(app.cli('health').status).toBe(1);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Health' }).click();
  const checks = page.getByRole('list', { name: 'Health checks' });
  const folders = checks.getByRole('listitem', { name: 'Workspace folders present' });
  await expect(folders).toContainText('Failed');
  await expect(folders).toContainText('personal');
  await expect(checks.getByRole('listitem', { name: 'Git installed and new enough' })).toContainText('OK');
  // Eleven built-in checks (library-moves among them) plus agent-installs, sync-disconnect and superseded-formats.
  await expect(checks.getByRole('listitem')).toHaveCount(14);
  await page.screenshot({ path: artifactPath('health-broken.png'), fullPage: true });

  await folders.getByRole('button', { name: 'Fix' }).click();
  await expect(folders).toContainText('OK');
  await expect(page.getByLabel('Overall health')).toContainText('0 failed');
  await expect(page.getByRole('region', { name: 'Recent repairs' })).toContainText(/created .*personal/);
  expect(fs.existsSync(path.join(app.home, 'personal', 'knowledge'))).toBe(true);
  await page.screenshot({ path: artifactPath('health.png'), fullPage: true });

  await page.getByRole('button', { name: 'Logs' }).click();
  const log = page.getByRole('log', { name: 'Log lines' });
  await expect(log).toContainText('repair done');
  // Lines another process writes show up while Live is on.
  app.cli('doctor');
  await expect(log.locator('.log-line', { hasText: 'command' }).last()).toBeVisible();
  await expect(log).toContainText(/health checked.*\n?.*cli-/);
  await page.getByLabel('Minimum level').selectOption('warn');
  await expect(page.getByText('repair done')).toHaveCount(0);
  await page.getByLabel('Minimum level').selectOption('info');
  await page.screenshot({ path: artifactPath('logs.png'), fullPage: true });
});

test('Analytics charts real operations, and explains the charts that have no data yet', async ({ page }) => {
  app = await startApp();
  for (let i = 0; i < 3; i++) expect(app.cli('library', 'list', '--json').status).toBe(0);
  expect(app.cli('health').status).toBe(0);
  expect(app.cli('logs', '--level', 'warn').status).toBe(0);

  await page.goto(app.url);
  // Open a couple of files in the Library so "most used" has data.
  const tree = page.getByRole('tree', { name: 'Library files' });
  await tree.locator('[data-path="common/code-review.md"]').click();
  await expect(page.getByRole('article', { name: 'Preview' })).toBeVisible();
  await tree.locator('[data-path="common"]').click();
  await tree.locator('[data-path="common"]').click();
  await tree.locator('[data-path="common/code-review.md"]').click();

  await page.getByRole('button', { name: 'Analytics' }).click();
  const durations = page.getByRole('region', { name: 'Operation durations (p50 / p95)' });
  await expect(durations.locator('.recharts-line')).toHaveCount(2);
  await expect(durations.locator('.recharts-line-dots circle').first()).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Successes and failures' }).locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Operations' })).toContainText('library:tree');
  await expect(page.getByRole('region', { name: 'Library growth' }).locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Most-used library files' })).toContainText(
    'starter/common/code-review.md',
  );
  await expect(page.getByRole('region', { name: 'Token budget per agent' })).toContainText(
    'No agent sizes recorded yet',
  );
  await expect(page.getByRole('region', { name: 'Update history' })).toContainText('No library updates yet');
  await expect(page.getByRole('region', { name: 'Recent activity (audit trail)' })).toContainText('workspace.init');
  await page.screenshot({ path: artifactPath('analytics.png'), fullPage: true });
});
