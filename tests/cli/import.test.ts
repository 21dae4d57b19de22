import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { tempDir } from '../helpers/temp';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const RULE = '---\ndescription: TypeScript\nglobs: "**/*.ts"\n---\n\nStrict.\n';

async function setup() {
  const root = tempDir();
  const env = { AI_CONFIG_HOME: path.join(root, 'cfg'), HOME: path.join(root, 'home') };
  expect((await cli(['init'], env)).code).toBe(0);
  return { root, env };
}

describe('ai-config import', () => {
  it('prints one line per input file, then the items and a summary; a second run changes nothing', async () => {
    const { root, env } = await setup();
    const src = path.join(root, 'proj');
    writeTree(src, {
      '.cursor/rules/ts.mdc': RULE,
      'README.md': '# readme\n',
      'apps/api/CLAUDE.md': '# API memory\n',
      'apps/api/main.go': 'package main\n',
    });
    const r = await cli(['import', src], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      expect.stringMatching(
        /^imported {2}\.cursor\/rules\/ts\.mdc( {2}as .+)? -> rules\/ts\.md, agents\/proj-cursor\.md$/,
      ),
      expect.stringMatching(/^skipped {3}README\.md: not a tool configuration/),
      expect.stringMatching(
        /^imported {2}apps\/api\/CLAUDE\.md( {2}as .+)? -> rules\/apps-api-CLAUDE\.md, agents\/proj-claude-code\.md$/,
      ),
      '(1 other file(s) are no tool config type and were not looked at)',
    ]);
    expect(r.stdout).toMatch(/^create +rule +rules\/ts\.md {2}<- \.cursor\/rules\/ts\.mdc$/m);
    expect(r.stdout).toMatch(/3 file\(s\) looked at: 2 imported, 0 merged, 1 skipped\./);
    const again = await cli(['import', src], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Library files: 0 new, \d+ unchanged, 0 conflict\(s\)\./);
    expect(again.stdout).toMatch(/^0 file\(s\) created/m);
  });

  it('exits 1 with a hint when nothing was recognised, also with --json', async () => {
    const { root, env } = await setup();
    const src = path.join(root, 'docs');
    writeTree(src, { 'README.md': '# readme\n', 'guide/intro.md': 'Hello\n' });
    const r = await cli(['import', src], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^skipped {3}README\.md/m);
    expect(r.stderr).toMatch(/Nothing in .* was recognised as a tool config/);
    expect(r.stderr).toMatch(/Hint: /);
    const j = await cli(['import', src, '--json'], env);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).files.map((f: { outcome: string }) => f.outcome)).toEqual(['skipped', 'skipped']);
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    expect((await cli(['import', empty], env)).code).toBe(1);
  });

  it('imports a Git repository given as file:// URL or as a local bare repository', async () => {
    const { root, env } = await setup();
    const work = path.join(root, 'work');
    writeTree(work, { 'AGENTS.md': '# From the repo\n' });
    const g = (cwd: string, ...a: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@x.test', ...a], { cwd, stdio: 'pipe' });
    g(work, 'init', '-q');
    g(work, 'add', '-A');
    g(work, 'commit', '-q', '-m', 'x');
    g(root, 'clone', '-q', '--bare', work, 'shared-rules.git');
    const bare = path.join(root, 'shared-rules.git');
    const dry = await cli(['import', `file://${bare}`, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^imported {2}AGENTS\.md( {2}as .+)? -> rules\/AGENTS\.md, agents\/shared-rules-codex\.md$/m,
    );
    const done = await cli(['import', bare, '--json'], env);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).written).toBeGreaterThan(0);
    const bad = await cli(['import', `file://${path.join(root, 'missing.git')}`], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toBe('');
  });
});
