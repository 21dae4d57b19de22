import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

test('a change shows in the timeline with a side-by-side diff, and rolls back after a confirmation', async ({
  page,
}) => {
  app = await startApp();
  const notes = path.join(app.home, 'personal', 'knowledge', 'notes.md');
  fs.mkdirSync(path.dirname(notes), { recursive: true });
  fs.writeFileSync(notes, '# Notes\n\nFirst line.\n');
  expect(app.cli('snapshot', '-m', 'first notes').status).toBe(0);
  fs.writeFileSync(notes, '# Notes\n\nSecond line, edited.\n');
  expect(app.cli('snapshot', '-m', 'edited notes').status).toBe(0);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'History' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('button', { name: /edited notes/ })).toBeVisible();
  await expect(timeline.getByRole('button', { name: /first notes/ })).toBeVisible();

  // Filter by operation and by file.
  await page.getByLabel('Filter by file').fill('knowledge/notes.md');
  await expect(timeline.getByRole('listitem')).toHaveCount(2);

  await timeline.getByRole('button', { name: /edited notes/ }).click();
  await expect(page.getByRole('list', { name: 'Changed files' })).toContainText('knowledge/notes.md');
  const diff = page.getByLabel('Diff of knowledge/notes.md');
  await expect(diff.locator('.cm-mergeView')).toBeVisible();
  await expect(diff.locator('.cm-editor').first()).toContainText('First line.');
  await expect(diff.locator('.cm-editor').nth(1)).toContainText('Second line, edited.');
  await expect(diff.locator('.cm-changedLine').first()).toBeVisible();

  // Roll back to the first version: compare it with now, then roll back that file.
  await timeline.getByRole('button', { name: /first notes/ }).click();
  await page.getByRole('button', { name: 'This version vs now' }).click();
  await expect(page.getByLabel('Diff of knowledge/notes.md').locator('.cm-editor').nth(1)).toContainText(
    'Second line, edited.',
  );
  await page.getByRole('button', { name: 'Roll back this file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm rollback' });
  await expect(dialog).toContainText('Restore knowledge/notes.md');
  await expect(dialog).toContainText('This changes 1 file');
  await page.screenshot({ path: artifactPath('history-confirm.png') });
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.getByRole('status')).toContainText('Rolled back knowledge/notes.md');
  expect(fs.readFileSync(notes, 'utf8')).toBe('# Notes\n\nFirst line.\n');
  await expect(timeline.getByRole('button', { name: /history\.rollback/ }).first()).toBeVisible();
  await page.screenshot({ path: artifactPath('history.png') });

  // The rollback is itself a version: the CLI sees it.
  const list = JSON.parse(app.cli('history', '--json').stdout) as Array<{ operation: string }>;
  expect(list[0]!.operation).toBe('history.rollback');
});
