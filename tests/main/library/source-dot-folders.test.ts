import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { winningFiles } from '../../../src/main/agents/library-files';
import { resolveResources } from '../../../src/main/agents/resolve';
import { resolveCommands, resolveHooks } from '../../../src/main/agents/resolve-kinds';
import { resolveSkills } from '../../../src/main/agents/resolve-skills';
import { unwrap } from '../../../src/main/ipc/router';
import { createUpstream } from '../../helpers/servers/git-repos';
import { tempDir } from '../../helpers/temp';
import { cli, testRuntime } from '../../helpers/app';

const caller = { id: 'test', trusted: true };

async function setup(files: Record<string, string>) {
  const root = tempDir();
  const home = path.join(root, 'home');
  const up = createUpstream(root, files);
  const rt = testRuntime(home);
  const call = <C extends Parameters<typeof rt.router.call>[1]>(
    channel: C,
    req: Parameters<typeof rt.router.call<C>>[2],
  ) => rt.router.call(caller, channel, req).then(unwrap);
  await call('workspace:init', {});
  return { root, home, up, rt, call, dir: path.join(home, 'library', 'team') };
}

/** A project repository that keeps its AI config in the tools' own folders. */
const PROJECT = {
  'README.md': '# A project\n',
  'src/main.ts': 'export {};\n',
  '.cursor/rules/ts-style.mdc':
    '---\ndescription: TypeScript style\nglobs: "**/*.ts"\nalwaysApply: false\n---\nPrefer zorbluxstyle.\n',
  '.cursor/mcp.json': '{ "mcpServers": { "docs": { "command": "docs-server" } } }\n',
  '.cursor/hooks.json': '{ "version": 1, "hooks": { "afterFileEdit": [{ "command": "fmt" }] } }\n',
  '.github/copilot-instructions.md': '# Repo instructions\n\nquillonword\n',
  '.github/instructions/py.instructions.md': '---\napplyTo: "**/*.py"\n---\nPython tips.\n',
  '.github/prompts/release-notes.prompt.md': '---\ndescription: Write release notes\n---\nwrite the notes\n',
  '.github/agents/reviewer.agent.md': '---\nname: reviewer\ndescription: Reviews\n---\nReview code.\n',
  '.github/workflows/ci.yml': 'on: push\n',
  '.claude/skills/deploy-kit/SKILL.md': '---\nname: deploy-kit\ndescription: Deploys the app\n---\nSteps.\n',
  '.claude/skills/deploy-kit/reference.md': '# Reference\n',
  '.claude/commands/ship-it.md': '---\ndescription: Ship it\n---\nShip $ARGUMENTS\n',
  '.claude/agents/triager.md': '---\nname: triager\ndescription: Triage issues\n---\nTriage.\n',
  '.kiro/steering/product.md': '# Product\n\nsteeringword\n',
  '.windsurf/rules/style.md': '---\ntrigger: always_on\n---\nStyle.\n',
  '.gemini/commands/plan.toml': 'description = "Plan"\nprompt = "Plan {{args}}"\n',
  '.vscode/mcp.json': '{ "servers": {} }\n',
  '.mcp.json': '{ "mcpServers": {} }\n',
  '.obsidian/notes.md': '# not config\n',
  '.unknown-tool/rules/x.md': '# not a known tool\n',
  'sub/.cursor/rules/nested.mdc': 'nested, not at the top\n',
  '.editorconfig': 'root = true\n',
};

describe('a source that is a project repository', () => {
  it('lists and indexes the known tool folders with their kinds, and nothing of other dot names', async () => {
    const { up, call, rt } = await setup(PROJECT);
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const { entries, skipped } = await call('library:tree', {});
    const team = Object.fromEntries(entries.filter((e) => e.source === 'team').map((e) => [e.path, e.kind]));
    expect(team).toEqual({
      'README.md': 'knowledge',
      '.cursor/rules/ts-style.mdc': 'knowledge',
      '.cursor/mcp.json': 'mcp-server',
      '.cursor/hooks.json': 'hook',
      '.github/copilot-instructions.md': 'knowledge',
      '.github/instructions/py.instructions.md': 'knowledge',
      '.github/prompts/release-notes.prompt.md': 'command',
      '.github/agents/reviewer.agent.md': 'agent',
      '.claude/skills/deploy-kit/SKILL.md': 'skill',
      '.claude/skills/deploy-kit/reference.md': 'skill',
      '.claude/commands/ship-it.md': 'command',
      '.claude/agents/triager.md': 'agent',
      '.kiro/steering/product.md': 'knowledge',
      '.windsurf/rules/style.md': 'knowledge',
      '.gemini/commands/plan.toml': 'command',
      '.vscode/mcp.json': 'mcp-server',
      '.mcp.json': 'mcp-server',
    });
    const teamSkips = skipped?.find((s) => s.source === 'team');
    expect(teamSkips?.reasons).toEqual([
      { reason: 'unsupported-type', count: 1, examples: ['src/main.ts'] },
      { reason: 'not-a-tool-file', count: 1, examples: ['.github/workflows/ci.yml'] },
    ]);

    // Search finds them with their kind; the kind filter works on them.
    const hits = (await call('index:search', { query: 'zorbluxstyle' })).hits;
    expect(hits.map((h) => [h.source, h.path, h.kind])).toEqual([['team', '.cursor/rules/ts-style.mdc', 'knowledge']]);
    const commands = await call('index:search', { query: '', kind: 'command', source: 'team' });
    expect(commands.hits.map((h) => h.path)).toEqual([
      '.claude/commands/ship-it.md',
      '.gemini/commands/plan.toml',
      '.github/prompts/release-notes.prompt.md',
    ]);
    expect((await call('index:search', { query: 'steeringword' })).hits[0]?.path).toBe('.kiro/steering/product.md');

    // Agent profiles select them: rules by glob, skills by name, Markdown commands by name; a tool's own hook
    // file or TOML command is not read as the library's format.
    const files = await winningFiles(rt.services.roots());
    const rules = resolveResources({ resources: [], rules: ['.cursor/rules/*.mdc', '.claude/**'] }, files);
    expect(rules.resources.map((r) => r.path)).toEqual(['.cursor/rules/ts-style.mdc']);
    const warnings: string[] = [];
    expect(resolveSkills(['deploy-kit'], files, warnings).map((s) => [s.name, s.path])).toEqual([
      ['deploy-kit', '.claude/skills/deploy-kit'],
    ]);
    expect(resolveCommands(['ship-it', 'plan'], files, warnings).map((c) => c.name)).toEqual(['ship-it']);
    expect(resolveHooks(['*'], files, []).map((h) => h.source)).not.toContain('team');
  });

  it('an ignore list leaves files out of the tree, search and installs; removing a pattern brings them back', async () => {
    const { up, call, rt, home } = await setup(PROJECT);
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const teamPaths = async () =>
      (await call('library:tree', {})).entries.filter((e) => e.source === 'team').map((e) => e.path);
    expect(await teamPaths()).toContain('.github/prompts/release-notes.prompt.md');

    const env = { AI_CONFIG_HOME: home };
    const added = await cli(['library', 'ignore', 'team', '.github/prompts/**'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Added \.github\/prompts\/\*\*/);
    await call('sources:ignore', { name: 'team', pattern: '*.instructions.md' });
    await call('sources:ignore', { name: 'team', pattern: 'README.md' });
    const settings = JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'));
    expect(settings.sources[1].ignore).toEqual(['.github/prompts/**', '*.instructions.md', 'README.md']);
    expect((await cli(['library', 'ignore', 'team', '--json'], env)).stdout).toContain('*.instructions.md');

    const paths = await teamPaths();
    expect(paths).not.toContain('.github/prompts/release-notes.prompt.md');
    expect(paths).not.toContain('.github/instructions/py.instructions.md');
    expect(paths).not.toContain('README.md');
    expect(paths).toContain('.github/copilot-instructions.md');
    expect((await call('index:search', { query: 'release notes', source: 'team' })).hits).toEqual([]);
    const files = await winningFiles(rt.services.roots());
    expect(files.some((f) => f.source === 'team' && f.path.startsWith('.github/prompts/'))).toBe(false);
    const skips = (await call('library:tree', {})).skipped?.find((s) => s.source === 'team');
    expect(skips?.reasons.find((r) => r.reason === 'ignored-by-pattern')).toEqual({
      reason: 'ignored-by-pattern',
      count: 3,
      examples: ['.github/instructions/py.instructions.md', '.github/prompts/release-notes.prompt.md', 'README.md'],
    });

    const removed = await cli(['library', 'ignore', 'team', '.github/prompts/**', '--remove'], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await teamPaths()).toContain('.github/prompts/release-notes.prompt.md');
    expect((await call('index:search', { query: 'release notes', source: 'team' })).hits.map((h) => h.path)).toEqual([
      '.github/prompts/release-notes.prompt.md',
    ]);

    // Bad patterns are refused with the field named; nothing changes.
    await expect(call('sources:ignore', { name: 'team', pattern: '../outside/**' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(call('sources:ignore', { name: 'nope', pattern: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')).sources[1].ignore).toEqual([
      '*.instructions.md',
      'README.md',
    ]);
  });

  it('counts skipped files by reason: type, symlinks in and out of the source, size, name', async () => {
    const { root, up, call, home } = await setup({ 'guides/zebra.md': '# Zebra\n' });
    const outside = path.join(root, 'secret.md');
    fs.writeFileSync(outside, 'outside the source\n');
    fs.symlinkSync(outside, path.join(up.work, 'escape.md'));
    fs.symlinkSync('guides/zebra.md', path.join(up.work, 'alias.md'));
    fs.writeFileSync(path.join(up.work, 'guides', 'huge.md'), 'x'.repeat(4 * 1024 * 1024 + 1));
    fs.writeFileSync(path.join(up.work, 'guides', 'logo.png'), 'png');
    fs.writeFileSync(path.join(up.work, 'guides', 'evil\u202Etxt.md'), '# evil\n');
    up.commit({}, 'odd files');
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const { entries, skipped } = await call('library:tree', {});
    expect(entries.filter((e) => e.source === 'team').map((e) => e.path)).toEqual(['guides/zebra.md']);
    expect(skipped?.find((s) => s.source === 'team')).toEqual({
      source: 'team',
      total: 5,
      reasons: [
        { reason: 'unsupported-type', count: 1, examples: ['guides/logo.png'] },
        { reason: 'symlink-outside-root', count: 1, examples: ['escape.md'] },
        { reason: 'symlink', count: 1, examples: ['alias.md'] },
        { reason: 'too-large', count: 1, examples: ['guides/huge.md'] },
        { reason: 'invalid-name', count: 1, examples: ['guides/evil\u202Etxt.md'] },
      ],
    });
    expect((await call('index:stats', {})).sources.find((x) => x.name === 'team')).toMatchObject({
      files: 1,
      skipped: 5,
    });
    expect((await cli(['index', 'stats'], { AI_CONFIG_HOME: home })).stdout).toMatch(/team +1 files, 5 skipped/);
    const outline = await call('library:outline', {});
    expect(outline.skipped?.find((s) => s.source === 'team')?.total).toBe(5);
    const list = await cli(['library', 'list'], { AI_CONFIG_HOME: home });
    expect(list.stdout).toContain('team: 5 skipped (1 unsupported file type, 1 symlink out of the source folder,');
  });
});

describe('index stats after a source is added', () => {
  it('counts the new source, its files and its words at once', async () => {
    const { up, call, home } = await setup({ 'guides/zebra.md': '# Zebra\n\nquokkaword platypusword\n' });
    const before = await call('index:stats', {});
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const after = await call('index:stats', {});
    expect(after.sources.find((s) => s.name === 'team')?.files).toBe(1);
    expect(after.files).toBe(before.files + 1);
    expect(after.terms).toBeGreaterThan(before.terms);
    // The CLI reports the same, in another process's view of the workspace.
    const r = await cli(['index', 'stats', '--json'], { AI_CONFIG_HOME: home });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: after.files, terms: after.terms });
  });
});
