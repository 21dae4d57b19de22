import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
let scratch: string;
test.afterEach(async () => {
  await app?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test('installs an agent for one tool into a project via the UI, with a preview and a result per file', async ({
  page,
}) => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-e2e-agents-'));
  const project = path.join(scratch, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'CLAUDE.md'), '# Hand-written notes\n');
  app = await startApp({ env: { HOME: path.join(scratch, 'home') } });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Agents' }).click();
  await page
    .getByRole('list', { name: 'Agents' })
    .getByRole('button', { name: /Code reviewer/ })
    .click();
  const agent = page.getByRole('article', { name: 'Agent' });
  await expect(agent.getByRole('list', { name: 'Resources' })).toContainText('common/code-review.md');

  const panel = agent.getByRole('region', { name: 'Install' });
  await panel.getByLabel('Tool').selectOption('claude-code');
  await panel.getByLabel('Project folder').fill(project);
  await panel.getByRole('button', { name: 'Preview install' }).click();
  const preview = panel.getByLabel('Preview');
  await expect(preview.getByLabel(`Diff of ${path.join(project, 'CLAUDE.md')}`)).toContainText(
    '+<!-- ai-configurator:begin agent=code-reviewer -->',
  );
  expect(fs.readFileSync(path.join(project, 'CLAUDE.md'), 'utf8')).toBe('# Hand-written notes\n');

  await preview.getByRole('button', { name: 'Install' }).click();
  const result = panel.getByLabel('Result');
  // The subagent, CLAUDE.md, .mcp.json and the agent's five rules copied into .claude/rules.
  await expect(result).toContainText('8 file(s) written');
  await expect(result.getByRole('listitem')).toHaveCount(8);
  await expect(result).toContainText(`create ${path.join(project, '.claude', 'rules', 'common-code-review.md')}`);
  await expect(result).toContainText(`create ${path.join(project, '.claude', 'agents', 'code-reviewer.md')}`);
  await expect(result).toContainText(`update ${path.join(project, 'CLAUDE.md')}`);
  await expect(page.getByRole('list', { name: 'Agents' })).toContainText('claude-code: installed');
  expect(fs.readFileSync(path.join(project, 'CLAUDE.md'), 'utf8')).toMatch(
    /^# Hand-written notes\n\n<!-- ai-configurator:begin agent=code-reviewer -->/,
  );
  await page.screenshot({ path: artifactPath('agents-install.png'), fullPage: true });

  // Uninstall from the UI leaves the hand-written file as it was.
  await panel.getByRole('button', { name: 'Preview uninstall' }).click();
  await panel.getByLabel('Preview').getByRole('button', { name: 'Uninstall' }).click();
  await expect(panel.getByLabel('Result')).toContainText('Uninstalled');
  expect(fs.readFileSync(path.join(project, 'CLAUDE.md'), 'utf8')).toBe('# Hand-written notes\n');
});

test('creates an agent with resources picked from the library', async ({ page }) => {
  app = await startApp();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Agents' }).click();
  await page.getByRole('button', { name: 'New agent' }).click();
  const form = page.getByRole('form', { name: 'New agent' });
  await form.getByLabel('Name').fill('sql-helper');
  await form.getByLabel('Description').fill('Helps with SQL');
  await form.getByLabel('Search resources').fill('sql');
  await form.getByLabel(/roles\/data\/sql-style\.md/).check();
  await form.getByLabel('postgres').check();
  await form.getByRole('button', { name: 'Create in personal workspace' }).click();
  const agent = page.getByRole('article', { name: 'Agent' });
  await expect(agent.getByRole('list', { name: 'Resources' })).toContainText('roles/data/sql-style.md');
  await expect(agent).toContainText('postgres');
});

test('imports dropped tool files after a preview of what becomes what', async ({ page }) => {
  app = await startApp();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Agents' }).click();
  await page.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Import' });
  const drop = panel.getByLabel('Drop files to import');
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(['---\ndescription: Team rules\nalwaysApply: true\n---\n\nBe kind in reviews.\n'], 'team.mdc', {
        type: 'text/markdown',
      }),
    );
    dt.items.add(
      new File(
        [JSON.stringify({ mcpServers: { 'team-docs': { command: 'npx', args: ['-y', 'docs-server'] } } })],
        'mcp.json',
        { type: 'application/json' },
      ),
    );
    return dt;
  });
  await drop.dispatchEvent('drop', { dataTransfer });
  const preview = panel.getByLabel('Import preview');
  // The rule is a library rule; the agent dropped-cursor installs it (and dropped-cursor-mcp the server) back.
  await expect(preview.getByRole('row', { name: /team\.mdc rules\/team\.md rule create/ })).toBeVisible();
  await expect(
    preview.getByRole('row', { name: /mcp\.json mcp-servers\/team-docs\.json mcp-server create/ }),
  ).toBeVisible();
  await page.screenshot({ path: artifactPath('agents-import.png'), fullPage: true });
  await preview.getByRole('button', { name: 'Import 4 file(s)' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported 4 file(s)');
  await expect(page.getByRole('list', { name: 'Agents' })).toContainText('dropped-cursor');
});
