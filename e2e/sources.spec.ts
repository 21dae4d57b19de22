import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createUpstream } from '../tests/helpers/servers/git-repos';
import { makeSshKey, startSshd, type SshdServer } from '../tests/helpers/servers/sshd';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
let upstreamRoot: string;
let sshd: SshdServer | undefined;
test.afterEach(async () => {
  await sshd?.stop();
  sshd = undefined;
  await app?.stop();
  if (upstreamRoot) fs.rmSync(upstreamRoot, { recursive: true, force: true });
});

test('adds a file:// source, updates it and shows what changed with a diff', async ({ page }) => {
  upstreamRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-e2e-up-'));
  const up = createUpstream(upstreamRoot, { 'common/team-rules.md': '# Team rules\n\nBe kind.\n' });
  app = await startApp();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('listitem', { name: 'Source starter' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Name').fill('team');
  await form.getByLabel('URL').fill(up.fileUrl);
  await form.getByRole('button', { name: 'Add source' }).click();
  const card = page.getByRole('listitem', { name: 'Source team' });
  await expect(card).toContainText(up.head().slice(0, 8));
  await expect(card).toContainText('2. team');

  up.commit(
    { 'common/team-rules.md': '# Team rules\n\nBe kind.\nReview every change.\n', 'common/new.md': '# New\n' },
    'Add review rule',
  );
  await card.getByRole('button', { name: 'Update' }).click();
  const changed = page.getByRole('region', { name: 'What changed' });
  await expect(changed).toContainText('Add review rule');
  await expect(changed).toContainText('Upstream Author');
  await expect(changed.getByRole('list', { name: 'Files' })).toContainText('common/new.md');
  await changed
    .getByRole('listitem')
    .filter({ hasText: 'common/team-rules.md' })
    .getByRole('button', { name: 'Show diff' })
    .click();
  await expect(page.getByRole('region', { name: 'Diff' })).toContainText('+Review every change.');
  await expect(card).toContainText(up.head().slice(0, 8));
  await expect(card.getByRole('button', { name: 'Roll back' })).toBeEnabled();
  await page.screenshot({ path: artifactPath('sources.png') });

  await card.getByRole('button', { name: 'Roll back' }).click();
  await expect(changed).toContainText('undone');
  expect(JSON.parse(app.cli('library', 'status', '--json').stdout)[1]).toMatchObject({ name: 'team', behind: 1 });
});

test('asks once to trust a new SSH host, then adds the source', async ({ page }) => {
  upstreamRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-e2e-ssh-'));
  const up = createUpstream(upstreamRoot, { 'common/ssh.md': '# Over SSH\n' });
  const key = makeSshKey(path.join(upstreamRoot, 'keys', 'id'));
  sshd = await startSshd({
    dir: path.join(upstreamRoot, 'sshd'),
    authorizedKeys: [fs.readFileSync(key + '.pub', 'utf8')],
  });
  app = await startApp();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sources' }).click();
  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Name').fill('secure');
  await form.getByLabel('URL').fill(sshd.url(up.bare));
  await form.getByLabel('SSH key').fill(key);
  await form.getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trust SSH host' });
  await expect(dialog).toContainText(`127.0.0.1:${sshd.port}`);
  await expect(dialog).toContainText(/SHA256:\S+ \(ED25519\)/);
  await dialog.getByRole('button', { name: 'Trust this host' }).click();
  await expect(page.getByRole('listitem', { name: 'Source secure' })).toContainText(up.head().slice(0, 8));
  await expect(dialog).toHaveCount(0);
  expect(fs.readFileSync(path.join(app.home, 'state', 'known_hosts'), 'utf8')).toContain(`[127.0.0.1]:${sshd.port}`);
});
