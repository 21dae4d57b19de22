import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../src/shared/agents';
import { agentFrontmatterSchema } from '../../../src/shared/agents';
import { isAppError } from '../../../src/shared/errors';
import { kindOf } from '../../../src/main/library/kind';
import { winningFiles } from '../../../src/main/agents/library-files';
import { kindsFor, resolveKinds, resolveKindsLenient } from '../../../src/main/agents/resolve-kinds';
import { SKILL_MAX_FILES } from '../../../src/main/agents/resolve-skills';
import { tempDir } from '../../helpers/temp';
import { agentFixture, writeAgent, writeTree } from './helpers';

const skill = (name: string, description: string, extra = '') =>
  `---\nname: ${name}\ndescription: ${description}\n${extra}---\n\n# ${name}\n\nDo the ${name}.\n`;

/** A team source and a personal workspace on disk, walked as an install walks them. */
async function library(team: Record<string, string>, personal: Record<string, string> = {}) {
  const root = tempDir('aicfg-kinds-');
  const teamDir = path.join(root, 'library', 'team');
  const personalDir = path.join(root, 'personal');
  fs.mkdirSync(teamDir, { recursive: true });
  fs.mkdirSync(personalDir, { recursive: true });
  writeTree(teamDir, team);
  writeTree(personalDir, personal);
  const walk = () =>
    winningFiles([
      { name: 'team', dir: teamDir },
      { name: 'personal', dir: personalDir },
    ]);
  return { root, teamDir, personalDir, walk };
}

function agent(fm: Record<string, unknown>): Agent {
  return {
    ...agentFrontmatterSchema.parse({ schemaVersion: 1, name: 'a', ...fm }),
    prompt: '',
    source: 'p',
    path: 'x',
  };
}

const TEAM = {
  'skills/review/SKILL.md': skill('review', 'Reviews a change', 'tags: [quality]\n'),
  'skills/review/references/checklist.md': '- tests\n',
  'skills/deploy/SKILL.md': skill('deploy', 'Deploys the app'),
  'skills/wrong/SKILL.md': skill('not-wrong', 'Named otherwise'),
  'commands/fix-issue.md':
    '---\ndescription: Fix an issue\nargument-hint: "[number]"\nallowed-tools: Bash(git:*), Read\ntags: [gh]\n---\n' +
    'Fix issue $ARGUMENTS.\n',
  'commands/git/commit.md': '---\ndescription: Commit\nallowed-tools: [Bash, Edit]\n---\nCommit it.\n',
  'hooks/format.yaml':
    'description: Format after edits\ntags: [fmt]\nhooks:\n' +
    '  - event: post-tool\n    matcher: Edit|Write\n    command: npx prettier --write .\n' +
    '  - event: stop\n    command: echo done\n',
  'hooks/bad.yaml': 'hooks:\n  - event: after-lunch\n    command: rm -rf /\n',
  'hooks/broken.yaml': 'hooks: [: :\n',
  'permissions/safe.yaml': 'allow: [Read, "Bash(npm test:*)"]\ndeny: ["Read(./.env)"]\nignore: [dist/]\n',
  'permissions/more.json': JSON.stringify({ allow: ['Read', 'WebFetch'], ask: ['Bash'], ignore: ['dist/', '.env'] }),
  'rules/ts.md': '---\ndescription: TypeScript style\npaths: src/**/*.ts, test/**\n---\nUse strict.\n',
  'rules/always.md': '# Always\n\nBe brief.\n',
  'rules/asked.md': '---\ndescription: When writing SQL\nactivation: agent-requested\n---\nUse CTEs.\n',
  'rules/bad.md': '---\nactivation: sometimes\n---\nBad.\n',
  'skills/README.md': '# Skills\n',
};

describe('kinds: kindOf', () => {
  it('tells every kind from the path', () => {
    expect(kindOf('skills/review/SKILL.md')).toBe('skill');
    expect(kindOf('skills/review/scripts/run.md')).toBe('skill');
    expect(kindOf('skills/README.md')).toBe('knowledge');
    expect(kindOf('commands/fix.md')).toBe('command');
    expect(kindOf('commands/git/commit.md')).toBe('command');
    expect(kindOf('hooks/format.yaml')).toBe('hook');
    expect(kindOf('hooks/format.json')).toBe('hook');
    expect(kindOf('hooks/README.md')).toBe('knowledge');
    expect(kindOf('permissions/safe.yml')).toBe('permissions');
    expect(kindOf('agents/a.md')).toBe('agent');
    expect(kindOf('mcp-servers/gh.json')).toBe('mcp-server');
    expect(kindOf('common/x.md')).toBe('knowledge');
  });
});

describe('kinds: resolution', () => {
  it('rules: rules and resources as one list, activation and globs from frontmatter, other kinds excluded', async () => {
    const lib = await library(TEAM);
    const files = await lib.walk();
    const r = resolveKinds(
      agent({ rules: ['rules/ts.md', 'rules/**'], resources: ['rules/always.md', 'skills/**', 'commands/*'] }),
      files,
    );
    expect(r.rules.map((x) => [x.path, x.activation, x.globs, x.description])).toEqual([
      ['rules/ts.md', 'glob', ['src/**/*.ts', 'test/**'], 'TypeScript style'],
      ['rules/always.md', 'always', [], ''],
      ['rules/asked.md', 'agent-requested', [], 'When writing SQL'],
      ['rules/bad.md', 'always', [], ''],
    ]);
    expect(r.rules[0]!.body).toBe('Use strict.\n');
    expect(r.warnings).toContainEqual(expect.stringMatching(/rules\/bad\.md: field "activation" .*loaded always/));
    // skills/** and commands/* pick no rule: those files are other kinds.
    expect(r.warnings).toContain('The resource "skills/**" matches no library or personal file.');
    expect(r.warnings).toContain('The resource "commands/*" matches no library or personal file.');
  });

  it('skills by name, path, glob and tag; every file of the folder; name checked against the folder', async () => {
    const lib = await library(TEAM);
    const files = await lib.walk();
    const byName = resolveKinds(agent({ skills: ['review'] }), files);
    expect(byName.skills.map((s) => s.name)).toEqual(['review']);
    const s = byName.skills[0]!;
    expect(s).toMatchObject({ source: 'team', path: 'skills/review', description: 'Reviews a change' });
    expect(s.files.map((f) => f.rel)).toEqual(['SKILL.md', 'references/checklist.md']);
    expect(s.frontmatter).toMatchObject({ name: 'review', tags: ['quality'] });
    expect(s.body).toContain('Do the review.');
    expect(resolveKinds(agent({ skills: ['skills/deploy'] }), files).skills.map((x) => x.name)).toEqual(['deploy']);
    expect(resolveKinds(agent({ skills: ['./skills/deploy/'] }), files).skills.map((x) => x.name)).toEqual(['deploy']);
    expect(resolveKinds(agent({ skills: ['tag:Quality'] }), files).skills.map((x) => x.name)).toEqual(['review']);
    const all = resolveKinds(agent({ skills: ['skills/*', 'review', 'nothing'] }), files);
    expect(all.skills.map((x) => x.name)).toEqual(['deploy', 'review', 'wrong']);
    expect(all.warnings).toContain('The skill "nothing" matches no library or personal skill.');
    expect(all.warnings).toContainEqual(expect.stringContaining('SKILL.md names it "not-wrong"'));
  });

  it('a skill folder: executable bit kept, binary carried as bytes, a symlink out of the root refused', async () => {
    const lib = await library({ 'skills/tool/SKILL.md': skill('tool', 'Has a script') });
    const dir = path.join(lib.teamDir, 'skills', 'tool');
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.writeFileSync(path.join(dir, 'scripts', 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'scripts', 'data.py'), 'print(1)\n');
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref\n');
    const secret = path.join(lib.root, 'outside-secret.txt');
    fs.writeFileSync(secret, 'TOP SECRET\n');
    fs.symlinkSync(secret, path.join(dir, 'leak.txt'));
    fs.symlinkSync(lib.root, path.join(dir, 'up'));
    const r = resolveKinds(agent({ skills: ['tool'] }), await lib.walk());
    const files = r.skills[0]!.files;
    expect(files.map((f) => f.rel)).toEqual(['SKILL.md', 'logo.png', 'scripts/data.py', 'scripts/run.sh']);
    const logo = files.find((f) => f.rel === 'logo.png')!;
    expect(logo.bytes?.equals(fs.readFileSync(path.join(dir, 'logo.png')))).toBe(true);
    expect(files.find((f) => f.rel === 'scripts/run.sh')).toMatchObject({ executable: true });
    expect(files.find((f) => f.rel === 'scripts/data.py')!.executable).toBeUndefined();
    expect(JSON.stringify(files)).not.toContain('TOP SECRET');
    expect(r.warnings).toContainEqual(expect.stringContaining('latin1.txt is neither UTF-8 text nor binary'));
    expect(r.warnings).toContainEqual(expect.stringContaining('leak.txt is a symbolic link; refused'));
    expect(r.warnings).toContainEqual(expect.stringContaining('up is a symbolic link; refused'));
  });

  it('a skill folder above the file cap is refused with LIMIT_EXCEEDED naming it', async () => {
    const lib = await library({ 'skills/huge/SKILL.md': skill('huge', 'Too many files') });
    const dir = path.join(lib.teamDir, 'skills', 'huge', 'assets');
    fs.mkdirSync(dir);
    for (let i = 0; i < SKILL_MAX_FILES; i++) fs.writeFileSync(path.join(dir, `f${i}.txt`), 'x');
    let err: unknown;
    try {
      resolveKinds(agent({ skills: ['huge'] }), await lib.walk());
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('LIMIT_EXCEEDED');
    expect((err as Error).message).toContain('team/skills/huge');
    const lenient = resolveKindsLenient(agent({ skills: ['huge'] }), await lib.walk());
    expect(lenient.skills).toEqual([]);
    expect(lenient.warnings).toContainEqual(expect.stringContaining('too large'));
  });

  it('precedence at the folder level: the personal SKILL.md brings its whole folder, none of the team files', async () => {
    const lib = await library(
      { 'skills/review/SKILL.md': skill('review', 'Team review'), 'skills/review/team-only.md': 'team\n' },
      { 'skills/review/SKILL.md': skill('review', 'My review'), 'skills/review/mine.md': 'mine\n' },
    );
    const r = resolveKinds(agent({ skills: ['review'] }), await lib.walk());
    expect(r.skills).toHaveLength(1);
    expect(r.skills[0]).toMatchObject({ source: 'personal', description: 'My review' });
    expect(r.skills[0]!.files.map((f) => f.rel)).toEqual(['SKILL.md', 'mine.md']);
  });

  it('commands by name, path, glob and tag; allowed-tools string or list', async () => {
    const lib = await library(TEAM, { 'commands/fix-issue.md': '---\ndescription: My fix\n---\nMine: $ARGUMENTS\n' });
    const files = await lib.walk();
    const r = resolveKinds(agent({ commands: ['fix-issue', 'commands/git/commit.md'] }), files);
    expect(r.commands.map((c) => [c.name, c.source, c.description, c.allowedTools])).toEqual([
      ['fix-issue', 'personal', 'My fix', []],
      ['commit', 'team', 'Commit', ['Bash', 'Edit']],
    ]);
    const team = await library(TEAM);
    const t = resolveKinds(agent({ commands: ['tag:gh', 'commands/**'] }), await team.walk());
    expect(t.commands.map((c) => c.name)).toEqual(['fix-issue', 'commit']);
    expect(t.commands[0]).toMatchObject({
      argumentHint: '[number]',
      allowedTools: ['Bash(git:*)', 'Read'],
      body: 'Fix issue $ARGUMENTS.\n',
    });
  });

  it('a command whose argument-hint YAML reads as a list (`[file]`) keeps its frontmatter, the hint joined', async () => {
    const lib = await library({
      'commands/review-file.md':
        '---\ndescription: Review a file\nargument-hint: [file]\nmodel: opus\n---\nReview $ARGUMENTS.\n',
      'commands/pair.md': '---\ndescription: Pair two\nargument-hint: [left, right]\n---\nPair $ARGUMENTS.\n',
    });
    const r = resolveKinds(agent({ commands: ['review-file', 'pair'] }), await lib.walk());
    expect(r.commands.map((c) => [c.name, c.description, c.argumentHint, c.model])).toEqual([
      ['review-file', 'Review a file', 'file', 'opus'],
      ['pair', 'Pair two', 'left right', undefined],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('hooks: one per entry named file, file-2; invalid files are INVALID_FILE naming file, field and fix', async () => {
    const lib = await library(TEAM);
    const files = await lib.walk();
    const r = resolveKinds(agent({ hooks: ['format'] }), files);
    expect(r.hooks.map((h) => [h.name, h.event, h.matcher, h.command, h.path])).toEqual([
      ['format', 'post-tool', 'Edit|Write', 'npx prettier --write .', 'hooks/format.yaml'],
      ['format-2', 'stop', undefined, 'echo done', 'hooks/format.yaml'],
    ]);
    expect(r.hooks[0]!.description).toBe('Format after edits');
    expect(resolveKinds(agent({ hooks: ['tag:fmt'] }), files).hooks).toHaveLength(2);
    expect(resolveKinds(agent({ hooks: ['hooks/format.yaml'] }), files).hooks).toHaveLength(2);
    for (const [sel, what] of [
      ['bad', /team\/hooks\/bad\.yaml: field "hooks\.0\.event"/],
      ['hooks/broken.yaml', /team\/hooks\/broken\.yaml is not valid YAML/],
    ] as const) {
      let err: unknown;
      try {
        resolveKinds(agent({ hooks: [sel] }), files);
      } catch (e) {
        err = e;
      }
      expect(isAppError(err) && err.code, sel).toBe('INVALID_FILE');
      expect((err as Error).message).toMatch(what);
      expect(isAppError(err) && err.hint).toContain('pre-tool');
    }
    const lenient = resolveKindsLenient(agent({ hooks: ['bad'], skills: ['review'] }), files);
    expect(lenient.hooks).toEqual([]);
    expect(lenient.skills).toHaveLength(1);
    expect(lenient.warnings).toContainEqual(expect.stringContaining('hooks/bad.yaml'));
  });

  it('permissions: merged in order, duplicates dropped', async () => {
    const lib = await library(TEAM);
    const r = resolveKinds(agent({ permissions: ['safe', 'permissions/*.json', 'missing'] }), await lib.walk());
    expect(r.permissions).toEqual({
      allow: ['Read', 'Bash(npm test:*)', 'WebFetch'],
      ask: ['Bash'],
      deny: ['Read(./.env)'],
      ignore: ['dist/', '.env'],
    });
    expect(r.permissionFiles.map((f) => f.path)).toEqual(['permissions/safe.yaml', 'permissions/more.json']);
    expect(r.warnings).toContain('The permissions file "missing" matches no library or personal permissions file.');
  });

  it('resolves once per agent and library walk', async () => {
    const lib = await library(TEAM);
    const files = await lib.walk();
    const a = agent({ skills: ['review'] });
    expect(kindsFor(a, files)).toBe(kindsFor(a, files));
    expect(kindsFor(a, await lib.walk())).not.toBe(kindsFor(a, files));
  });
});

describe('kinds: agent detail', () => {
  it('lists the resolved skills, commands, hooks and permissions, and the budget per kind', async () => {
    const f = await agentFixture();
    writeTree(f.personal, TEAM);
    writeAgent(
      f.personal,
      'kinds',
      'description: All kinds\nrules: [rules/ts.md, rules/asked.md, rules/always.md]\nskills: [review]\n' +
        'commands: [fix-issue]\nhooks: [format]\npermissions: [safe]',
    );
    const d = await f.services.agents.show('kinds');
    expect(d.skills).toEqual([
      { name: 'review', source: 'personal', path: 'skills/review', description: 'Reviews a change', files: 2 },
    ]);
    expect(d.commands).toEqual([
      { name: 'fix-issue', source: 'personal', path: 'commands/fix-issue.md', description: 'Fix an issue' },
    ]);
    expect(d.hooks.map((h) => [h.name, h.event, h.command])).toEqual([
      ['format', 'post-tool', 'npx prettier --write .'],
      ['format-2', 'stop', 'echo done'],
    ]);
    expect(d.permissions.files.map((p) => p.path)).toEqual(['permissions/safe.yaml']);
    expect(d.permissions.allow).toEqual(['Read', 'Bash(npm test:*)']);
    expect(d.rules.map((r) => r.activation)).toEqual(['glob', 'agent-requested', 'always']);
    const k = d.budget.byKind;
    expect(k.conditional).toBe(Math.ceil('Use strict.\n'.length / 4));
    expect(k.agentRequested).toBe(Math.ceil('When writing SQL'.length / 4));
    expect(k.always).toBe(Math.ceil('# Always\n\nBe brief.\n'.length / 4));
    expect(k.skills).toBe(Math.ceil('review: Reviews a change'.length / 4));
    expect(k.commands).toBe(Math.ceil('Fix an issue'.length / 4));
    expect(d.budget.tokens).toBe(k.prompt + k.always + k.agentRequested + k.skills + k.commands);
    const cursor = d.budget.perTool.find((t) => t.tool === 'cursor')!;
    expect(cursor).toMatchObject({ tokens: d.budget.tokens, conditional: k.conditional });
    expect(d.budget.perTool.find((t) => t.tool === 'claude-desktop')).toMatchObject({ tokens: 0, conditional: 0 });
  });
});
