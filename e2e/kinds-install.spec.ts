import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

// Tall enough that the starter library's top-level files show below its folders in the virtualised tree.
test.use({ viewport: { width: 1280, height: 2000 } });

let app: RunningApp;
let scratch: string;
test.afterEach(async () => {
  await app?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** A personal library with one of each kind, and an agent that lists them. */
const LIBRARY: Readonly<Record<string, string>> = {
  'skills/review/SKILL.md':
    '---\nname: review\ndescription: Review a change for bugs and style\n---\n\nRead the diff, then run `scripts/check.sh`.\n',
  'skills/review/scripts/check.sh': '#!/bin/sh\necho checked\n',
  'commands/fix-ticket.md':
    '---\ndescription: Fix a GitHub issue\nargument-hint: "[issue number]"\n---\n\nFix issue $ARGUMENTS and add a test.\n',
  'hooks/lint-on-edit.yaml':
    'schemaVersion: 1\ndescription: Format after edits\nhooks:\n' +
    '  - event: post-tool\n    matcher: "Edit|Write"\n    command: npx prettier --write .\n',
  'rules/ts-style.md':
    '---\ntitle: TypeScript style\ndescription: How we write TypeScript\npaths: ["src/**/*.ts"]\n---\n\n' +
    'Prefer readonly fields.\n',
  'agents/kinds-demo.md':
    '---\nschemaVersion: 1\nname: kinds-demo\ntitle: Kinds demo\ndescription: One of each kind\n' +
    'rules: [rules/ts-style.md]\nskills: [review]\ncommands: [fix-ticket]\nhooks: [lint-on-edit]\n---\n\n' +
    'You help with TypeScript.\n',
};

const TOOLS = ['claude-code', 'cursor', 'copilot'] as const;

/** Each group of the report (Rules, Skills, Commands, Hooks) names its item with an outcome badge. */
async function expectReport(report: Locator, native: boolean): Promise<void> {
  for (const [group, name] of [
    ['Rules', 'rules/ts-style.md'],
    ['Skills', 'review'],
    ['Commands', 'fix-ticket'],
    ['Hooks', 'lint-on-edit'],
  ] as const) {
    const g = report.getByRole('group', { name: group });
    await expect(g).toContainText(name);
    await expect(g.locator('.badge').first()).toHaveText(native ? 'native' : /^(native|fallback|skipped)$/);
  }
}

test('installs an agent with a skill, a command, a hook and a glob rule into three tools, after a per-kind report', async ({
  page,
}) => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-e2e-kinds-'));
  const project = path.join(scratch, 'project');
  fs.mkdirSync(project);
  app = await startApp({
    env: { HOME: path.join(scratch, 'home') },
    prepare: (home) => {
      for (const [rel, text] of Object.entries(LIBRARY)) {
        const file = path.join(home, 'personal', rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text, rel.endsWith('.sh') ? { mode: 0o755 } : {});
      }
    },
  });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Agents' }).click();
  await page
    .getByRole('list', { name: 'Agents' })
    .getByRole('button', { name: /Kinds demo/ })
    .click();
  const agent = page.getByRole('article', { name: 'Agent' });
  const panel = agent.getByRole('region', { name: 'Install' });
  await panel.getByLabel('Project folder').fill(project);

  for (const tool of TOOLS) {
    await panel.getByLabel('Tool').selectOption(tool);
    await panel.getByRole('button', { name: 'Preview install' }).click();
    const preview = panel.getByLabel('Preview');
    // The report is shown before anything is written.
    const report = preview.getByRole('region', { name: /^What each kind becomes in / });
    await expect(report).toBeVisible();
    await expectReport(report, tool === 'claude-code');
    expect(
      fs.existsSync(path.join(project, tool === 'claude-code' ? '.claude' : tool === 'cursor' ? '.cursor' : '.github')),
    ).toBe(false);
    if (tool === 'claude-code') await page.screenshot({ path: artifactPath('kinds-report.png'), fullPage: true });
    await preview.getByRole('button', { name: 'Install' }).click();
    await expect(panel.getByLabel('Result')).toContainText('file(s) written');
  }
  await expect(page.getByRole('list', { name: 'Agents' })).toContainText('claude-code: installed');

  // Claude Code: every kind in its own native place.
  const claude = path.join(project, '.claude');
  expect(fs.readFileSync(path.join(claude, 'skills', 'review', 'SKILL.md'), 'utf8')).toContain('name: review');
  expect(fs.existsSync(path.join(claude, 'skills', 'review', 'scripts', 'check.sh'))).toBe(true);
  expect(fs.readFileSync(path.join(claude, 'commands', 'fix-ticket.md'), 'utf8')).toContain('$ARGUMENTS');
  const settings = JSON.parse(fs.readFileSync(path.join(claude, 'settings.json'), 'utf8')) as {
    hooks?: Record<string, Array<{ matcher?: string; hooks: Array<{ command: string }> }>>;
  };
  expect(settings.hooks?.PostToolUse?.[0]).toMatchObject({
    matcher: 'Edit|Write',
    hooks: [expect.objectContaining({ command: 'npx prettier --write .' })],
  });
  expect(fs.readFileSync(path.join(claude, 'rules', 'ts-style.md'), 'utf8')).toContain('src/**/*.ts');

  // Cursor: the rule as an .mdc with its globs.
  const cursorRules = path.join(project, '.cursor', 'rules');
  const mdc = fs.readdirSync(cursorRules).filter((f) => f.endsWith('.mdc'));
  const withGlobs = mdc
    .map((f) => fs.readFileSync(path.join(cursorRules, f), 'utf8'))
    .filter((t) => /^globs:.*src\/\*\*\/\*\.ts/m.test(t));
  expect(withGlobs).toHaveLength(1);

  // Copilot: the rule as a path-specific instructions file with applyTo.
  const instructions = path.join(project, '.github', 'instructions');
  const files = fs.readdirSync(instructions).filter((f) => f.endsWith('.instructions.md'));
  const applied = files
    .map((f) => fs.readFileSync(path.join(instructions, f), 'utf8'))
    .filter((t) => /^applyTo:.*src\/\*\*\/\*\.ts/m.test(t));
  expect(applied).toHaveLength(1);
});

test('the Library tree filters by kind, each with its own icon', async ({ page }) => {
  app = await startApp({
    prepare: (home) => {
      for (const [rel, text] of Object.entries(LIBRARY)) {
        const file = path.join(home, 'personal', rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    },
  });
  await page.goto(app.url);
  const tree = page.getByRole('tree', { name: 'Library files' });
  const chips = page.getByRole('group', { name: 'Filter by kind' });
  await page.getByRole('button', { name: 'Expand all' }).click();
  await chips.getByRole('button', { name: 'rule', exact: true }).click();
  await expect(chips.getByRole('button', { name: 'rule', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(tree.locator('[data-path="rules/ts-style.md"]')).toBeVisible();
  await expect(tree.locator('[data-path="agents/kinds-demo.md"]')).toHaveCount(0);
  await chips.getByRole('button', { name: 'agent', exact: true }).click();
  await expect(tree.locator('[data-path="agents/kinds-demo.md"]')).toHaveAttribute('data-kind', 'agent');
  await expect(tree.locator('[data-path="rules/ts-style.md"]')).toHaveCount(0);
  for (const [kind, file] of [
    ['skill', 'skills/review/SKILL.md'],
    ['command', 'commands/fix-ticket.md'],
    ['hook', 'hooks/lint-on-edit.yaml'],
  ] as const) {
    await chips.getByRole('button', { name: kind, exact: true }).click();
    await expect(tree.locator(`[data-path="${file}"]`)).toHaveAttribute('data-kind', kind);
  }
  // Pressing the chip again shows every kind.
  await chips.getByRole('button', { name: 'hook', exact: true }).click();
  await expect(tree.locator('[data-path="rules/ts-style.md"]')).toBeVisible();
});
