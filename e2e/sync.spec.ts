import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
let shared: string;
test.afterEach(async () => {
  await app?.stop();
  if (shared) fs.rmSync(path.dirname(shared), { recursive: true, force: true });
});

test('the wizard moves the workspace into a shared folder, a conflict is resolved by hand, and disconnect moves it back', async ({
  page,
}) => {
  app = await startApp();
  shared = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-share-')), 'team');
  const personal = path.join(app.home, 'personal');
  fs.writeFileSync(path.join(personal, 'knowledge', 'note.md'), 'line 1\nmine\n');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sync' }).click();

  // 1. Provider
  const wizard = page.getByRole('region', { name: 'Set up sync' });
  await expect(wizard.getByRole('radio')).toHaveCount(4);
  await wizard.getByRole('radio', { name: /Shared folder/ }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  // 2. Folder
  await wizard.getByLabel('Folder path').fill(shared);
  await wizard.getByRole('button', { name: 'Next' }).click();
  // 3. Review, then move
  await expect(wizard.getByRole('list', { name: 'What will happen' })).toContainText('SHA-256');
  await wizard.getByRole('button', { name: 'Move workspace' }).click();
  // 4. Summary
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText(`now lives in ${shared}`);
  await expect(summary).toContainText('probe file');
  await expect(page.getByRole('region', { name: 'Sync status' })).toContainText('folder');
  expect(fs.existsSync(personal)).toBe(false);
  expect(fs.readFileSync(path.join(shared, 'knowledge', 'note.md'), 'utf8')).toBe('line 1\nmine\n');
  expect(JSON.parse(app.cli('sync', 'status', '--json').stdout)).toMatchObject({
    connected: true,
    provider: 'folder',
    personalDir: shared,
  });
  await page.screenshot({ path: artifactPath('sync-summary.png') });

  // A conflicted copy arrives from another machine.
  const copy = "knowledge/note (Bob's conflicted copy 2026-01-22).md";
  fs.writeFileSync(path.join(shared, copy), 'line 1\ntheirs\n');
  const conflicts = page.getByRole('region', { name: 'Conflicts' });
  await conflicts.getByRole('button', { name: 'Refresh' }).click();
  await conflicts.getByRole('button', { name: copy }).click();
  const diff = conflicts.getByLabel('Differences');
  await expect(diff.locator('.diff-mine')).toHaveText(/mine/);
  await expect(diff.locator('.diff-theirs')).toHaveText(/theirs/);
  await page.screenshot({ path: artifactPath('sync-conflict.png') });
  await conflicts.getByRole('button', { name: 'Edit by hand' }).click();
  await conflicts.getByLabel('Edited version').fill('line 1\nmine and theirs\n');
  await conflicts.getByRole('button', { name: 'Save edit' }).click();
  await expect(conflicts).toContainText('No conflicts.');
  expect(fs.readFileSync(path.join(shared, 'knowledge', 'note.md'), 'utf8')).toBe('line 1\nmine and theirs\n');
  expect(fs.existsSync(path.join(shared, copy))).toBe(false);
  const backups = path.join(app.home, 'state', 'backups', 'sync-conflicts');
  const kept = fs
    .readdirSync(backups)
    .flatMap((d) =>
      fs
        .readdirSync(path.join(backups, d, 'knowledge'))
        .map((f) => fs.readFileSync(path.join(backups, d, 'knowledge', f), 'utf8')),
    );
  expect(kept.sort()).toEqual(['line 1\nmine\n', 'line 1\ntheirs\n']);

  // Disconnect moves it back.
  await page.getByRole('button', { name: /Disconnect/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'back in' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Set up sync' })).toBeVisible();
  expect(fs.readFileSync(path.join(personal, 'knowledge', 'note.md'), 'utf8')).toBe('line 1\nmine and theirs\n');
  expect(JSON.parse(app.cli('sync', 'status', '--json').stdout)).toMatchObject({
    connected: false,
    personalDir: personal,
  });
});
