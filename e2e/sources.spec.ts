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

test('a project repository source shows its tool folders with their kinds, what it skipped, and an ignore list', async ({
  page,
}) => {
  upstreamRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-e2e-dot-'));
  const up = createUpstream(upstreamRoot, {
    '.cursor/rules/team-style.mdc': '---\ndescription: Team style\nglobs: "**/*.ts"\n---\nUse tabs.\n',
    '.claude/commands/ship-it.md': '---\ndescription: Ship it\n---\nShip.\n',
    'assets/logo.png': 'png',
  });
  app = await startApp();
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sources' }).click();
  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Name').fill('team');
  await form.getByLabel('URL').fill(up.fileUrl);
  await form.getByRole('button', { name: 'Add source' }).click();
  const card = page.getByRole('listitem', { name: 'Source team' });
  await expect(card).toContainText(up.head().slice(0, 8));

  await page.getByRole('button', { name: 'Library' }).click();
  const tree = page.getByRole('tree', { name: 'Library files' });
  await tree.locator('[data-path=".cursor/rules"]').click();
  const rule = tree.locator('[data-source="team"][data-path=".cursor/rules/team-style.mdc"]');
  await expect(rule).toHaveAttribute('data-kind', 'knowledge');
  await expect(rule.locator('.kind')).toHaveAttribute('title', 'rule');
  await tree.locator('[data-path=".claude/commands"]').click();
  await expect(tree.locator('[data-source="team"][data-path=".claude/commands/ship-it.md"]')).toHaveAttribute(
    'data-kind',
    'command',
  );
  const skipped = page.locator('.tree-skipped [data-source="team"]');
  await expect(skipped).toContainText('1 skipped');
  await skipped.locator('summary').click();
  await expect(skipped).toContainText('unsupported file type: 1');
  await expect(skipped).toContainText('assets/logo.png');

  await page.getByRole('button', { name: 'Sources' }).click();
  const ignore = card.getByRole('region', { name: 'Ignore list of team' });
  await ignore.getByLabel('Pattern to ignore in team').fill('.cursor/**');
  await ignore.getByRole('button', { name: 'Ignore' }).click();
  await expect(ignore.locator('[data-pattern=".cursor/**"]')).toBeVisible();
  expect(JSON.parse(app.cli('library', 'ignore', 'team', '--json').stdout)).toMatchObject({ ignore: ['.cursor/**'] });

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(tree.locator('[data-source="team"][data-path=".claude/commands/ship-it.md"]')).toBeVisible();
  await expect(rule).toHaveCount(0);
  await expect(skipped).toContainText('2 skipped');
});
