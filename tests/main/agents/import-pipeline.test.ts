import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentsChannels } from '../../../src/shared/ipc/channels/agents';
import { IMPORT_LIMITS, gatherInputs } from '../../../src/main/agents/import/gather';
import { fileReports } from '../../../src/main/agents/import/report';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx, writeTree } from './helpers';

const RULE = '---\ndescription: TypeScript\nglobs: "**/*.ts"\nalwaysApply: false\n---\n\nUse strict mode.\n';
const outcomes = (r: { files: ReadonlyArray<{ from: string; outcome: string; reason?: string }> }) =>
  r.files.map((f) => [f.from, f.outcome]);
const reasonOf = (r: { files: ReadonlyArray<{ from: string; reason?: string }> }, from: string) =>
  r.files.find((f) => f.from === from)?.reason;

describe('import walks a folder recursively and reports every file it looked at', () => {
  it('finds configs in subfolders, skips vendor folders, counts the other files', async () => {
    const f = await agentFixture();
    const src = path.join(tempDir(), 'mono');
    writeTree(src, {
      'CLAUDE.md': '# Team memory\n',
      'README.md': '# Not a config\n',
      'package.json': '{ "name": "mono" }\n',
      'packages/web/.cursor/rules/ts.mdc': RULE,
      'packages/web/src/index.ts': 'export {};\n',
      'node_modules/dep/CLAUDE.md': '# vendored\n',
      '.git/config': '[core]\n',
      '.git/info/x.md': '# in git\n',
    });
    const r = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(outcomes(r)).toEqual([
      ['CLAUDE.md', 'imported'],
      ['README.md', 'skipped'],
      ['package.json', 'skipped'],
      ['packages/web/.cursor/rules/ts.mdc', 'imported'],
    ]);
    expect(r.files.find((x) => x.from === 'packages/web/.cursor/rules/ts.mdc')?.paths).toEqual([
      'rules/ts.md',
      'agents/mono-cursor.md',
    ]);
    expect(reasonOf(r, 'README.md')).toMatch(/not a tool config/);
    expect(r.otherFiles).toBe(1);
    expect(r.items.some((i) => i.content.includes('vendored'))).toBe(false);
  });

  it('reads a symlink inside the root once, by its real path, and never one out of it', async () => {
    const f = await agentFixture();
    const base = tempDir();
    const src = path.join(base, 'linked');
    writeTree(src, {
      'AGENTS.md': '# Shared instructions\n',
      'notes/gemini.txt': '# Gemini notes\n',
      'shared/team.mdc': RULE,
    });
    writeTree(base, { 'outside/secret.md': '---\nname: leak\ndescription: x\n---\nSECRET-OUTSIDE\n' });
    fs.symlinkSync('AGENTS.md', path.join(src, 'CLAUDE.md'));
    fs.symlinkSync(path.join('notes', 'gemini.txt'), path.join(src, 'GEMINI.md'));
    fs.mkdirSync(path.join(src, '.cursor', 'rules'), { recursive: true });
    fs.symlinkSync(path.join('..', '..', 'shared', 'team.mdc'), path.join(src, '.cursor', 'rules', 'team.mdc'));
    fs.symlinkSync(path.join(base, 'outside', 'secret.md'), path.join(src, 'leak.md'));
    fs.symlinkSync(path.join(base, 'outside'), path.join(src, '.claude'));
    const r = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(outcomes(r)).toEqual([
      ['.claude', 'skipped'],
      ['.cursor/rules/team.mdc', 'skipped'],
      ['AGENTS.md', 'imported'],
      ['CLAUDE.md', 'skipped'],
      ['GEMINI.md', 'imported'],
      ['leak.md', 'skipped'],
      ['shared/team.mdc', 'imported'],
    ]);
    expect(reasonOf(r, 'CLAUDE.md')).toBe('same file as AGENTS.md');
    expect(reasonOf(r, '.cursor/rules/team.mdc')).toBe('same file as shared/team.mdc');
    expect(reasonOf(r, 'leak.md')).toBe('symlink to outside the import folder');
    expect(reasonOf(r, '.claude')).toBe('symlink to outside the import folder');
    expect(JSON.stringify(r)).not.toContain('SECRET-OUTSIDE');
    expect(r.items.filter((i) => i.content.includes('Shared instructions'))).toHaveLength(1);
    expect(r.items.some((i) => i.content.includes('Gemini notes'))).toBe(true);
  });

  it('looks at every file of a skill folder, binary ones too', async () => {
    const f = await agentFixture();
    const src = path.join(tempDir(), 'skills-src');
    writeTree(src, {
      'skills/release-notes/SKILL.md': '---\nname: release-notes\ndescription: Writes notes\n---\n\nWrite notes.\n',
      'skills/release-notes/scripts/collect.sh': '#!/bin/sh\ngit log --oneline\n',
      'tools/run.sh': 'echo not in a skill\n',
    });
    fs.writeFileSync(path.join(src, 'skills/release-notes/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const r = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(r.files.map((x) => x.from)).toEqual([
      'skills/release-notes/SKILL.md',
      'skills/release-notes/logo.png',
      'skills/release-notes/scripts/collect.sh',
    ]);
    expect(r.files.find((x) => x.from === 'skills/release-notes/logo.png')?.outcome).toBe('imported');
    expect(r.otherFiles).toBe(1);
  });

  it("keeps a skill script's executable bit in the personal workspace", async () => {
    const f = await agentFixture();
    const src = path.join(tempDir(), 'exec-skill');
    writeTree(src, {
      '.claude/skills/build-notes/SKILL.md': '---\nname: build-notes\ndescription: Builds notes\n---\n\nRun it.\n',
      '.claude/skills/build-notes/scripts/run.sh': '#!/bin/sh\necho notes\n',
      '.claude/skills/build-notes/scripts/data.txt': 'plain\n',
    });
    fs.chmodSync(path.join(src, '.claude/skills/build-notes/scripts/run.sh'), 0o755);
    await f.services.agents.importConfigs({ path: src }, ctx());
    const mode = (rel: string) => fs.statSync(path.join(f.personal, 'skills/build-notes', rel)).mode & 0o111;
    expect(mode('scripts/run.sh')).not.toBe(0);
    expect(mode('scripts/data.txt')).toBe(0);
    expect(mode('SKILL.md')).toBe(0);
  });

  it('says when a limit was hit: a file over 2 MB, a tree too deep', async () => {
    const f = await agentFixture();
    const src = path.join(tempDir(), 'limits');
    const deep = Array.from({ length: IMPORT_LIMITS.depth + 1 }, (_, i) => `d${i}`).join('/');
    writeTree(src, { 'big.md': 'x'.repeat(IMPORT_LIMITS.bytes + 1), [`${deep}/CLAUDE.md`]: '# deep\n' });
    const r = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(r.files).toEqual([
      { from: 'big.md', outcome: 'skipped', paths: [], reason: 'larger than 2 MB: not imported' },
    ]);
    expect(r.warnings.join('\n')).toMatch(/1 file\(s\) larger than 2 MB/);
    expect(r.warnings.join('\n')).toMatch(new RegExp(`more than ${IMPORT_LIMITS.depth} folders deep`));
  });

  it("walks only the tools' own folders of the home folder, not every project below it", async () => {
    const f = await agentFixture();
    writeTree(f.userHome, {
      '.claude/agents/helper.md': '---\nname: helper\ndescription: Helps\n---\n\nHelp.\n',
      '.codeium/windsurf/memories/global_rules.md': '# Global\n',
      'code/app/CLAUDE.md': '# A project, imported on its own\n',
      'Downloads/rules.mdc': RULE,
    });
    const r = await f.services.agents.importConfigs({ path: f.userHome, dryRun: true }, ctx());
    const froms = r.files.map((x) => x.from);
    expect(froms).toEqual(
      expect.arrayContaining(['.claude/agents/helper.md', '.codeium/windsurf/memories/global_rules.md']),
    );
    expect(froms.filter((x) => x.startsWith('code/') || x.startsWith('Downloads/'))).toEqual([]);
  });

  it('stops at the file and entry limits with a warning, never silently', () => {
    const src = path.join(tempDir(), 'many');
    writeTree(src, Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n) => [`${n}.md`, `# ${n}\n`])));
    const few = gatherInputs(src, undefined, { limits: { files: 3 } });
    expect(few.looked.map((l) => l.rel)).toEqual(['a.md', 'b.md', 'c.md']);
    expect(few.warnings).toEqual(['More than 3 files to look at: the rest was not imported.']);
    const walked = gatherInputs(src, undefined, { limits: { entries: 2 } });
    expect(walked.looked.map((l) => l.rel)).toEqual(['a.md', 'b.md']);
    expect(walked.warnings).toEqual(['More than 2 files and folders: the walk stopped in the top folder.']);
    expect(gatherInputs(src).warnings).toEqual([]);
  });

  it('reports a single file given that is a symlink out of its folder, without reading it', async () => {
    const f = await agentFixture();
    const base = tempDir();
    writeTree(base, { 'elsewhere/CLAUDE.md': '# SECRET-ELSEWHERE\n' });
    fs.mkdirSync(path.join(base, 'proj'));
    fs.symlinkSync(path.join(base, 'elsewhere', 'CLAUDE.md'), path.join(base, 'proj', 'CLAUDE.md'));
    const r = await f.services.agents.importConfigs(
      { path: path.join(base, 'proj', 'CLAUDE.md'), dryRun: true },
      ctx(),
    );
    expect(r.files).toEqual([
      { from: 'CLAUDE.md', outcome: 'skipped', paths: [], reason: 'symlink to outside the import folder' },
    ]);
    expect(JSON.stringify(r)).not.toContain('SECRET-ELSEWHERE');
  });

  it('imports dropped files with folder paths, judged by location', async () => {
    const f = await agentFixture();
    const r = await f.services.agents.importConfigs(
      {
        dryRun: true,
        files: [
          { name: 'proj/.cursor/rules/style.mdc', content: RULE },
          { name: 'proj/README.md', content: '# readme\n' },
          { name: 'proj/src/main.ts', content: 'x' },
        ],
      },
      ctx(),
    );
    expect(outcomes(r)).toEqual([
      ['proj/.cursor/rules/style.mdc', 'imported'],
      ['proj/README.md', 'skipped'],
    ]);
    expect(r.otherFiles).toBe(1);
  });

  it('accepts dropped names with slashes and refuses "..", absolute names and NUL', () => {
    const schema = agentsChannels['agents:import'].request;
    const ok = (name: string) => schema.safeParse({ files: [{ name, content: '' }] }).success;
    expect(ok('.cursor/rules/x.mdc')).toBe(true);
    expect(ok('../x.mdc')).toBe(false);
    expect(ok('a/../../x.mdc')).toBe(false);
    expect(ok('/etc/passwd')).toBe(false);
    expect(ok('C:\\x.md')).toBe(false);
    expect(ok('a\0b.md')).toBe(false);
    expect(schema.safeParse({ url: 'https://x.test/r.git', files: [] }).success).toBe(false);
  });
});

describe('re-importing the same folder changes nothing', () => {
  it('reports every item unchanged, writes nothing, records no version and no audit entry', async () => {
    const f = await agentFixture();
    const src = path.join(tempDir(), 'again');
    writeTree(src, {
      'CLAUDE.md': '# Memory\n',
      '.cursor/rules/ts.mdc': RULE,
      '.mcp.json': JSON.stringify({ mcpServers: { 'fs-again': { command: 'npx', args: ['srv'] } } }),
      'apps/web/.cursor/rules/web-style.mdc': RULE,
      'apps/web/AGENTS.md': '# Web instructions\n',
    });
    fs.symlinkSync('AGENTS.md', path.join(src, 'apps/web/CLAUDE.md'));
    const first = await f.services.agents.importConfigs({ path: src }, ctx());
    expect(first.written).toBeGreaterThan(0);
    expect(first.items.map((i) => i.path)).toContain('rules/web-style.md');
    expect(reasonOf(first, 'apps/web/CLAUDE.md')).toBe('same file as apps/web/AGENTS.md');
    const versions = (await f.services.history.list()).length;
    const audits = f.services.audit.read().filter((e) => e.operation === 'agent.import').length;
    const again = await f.services.agents.importConfigs({ path: src }, ctx());
    expect(again.items.length).toBe(first.items.length);
    expect(again.items.every((i) => i.action === 'unchanged')).toBe(true);
    expect(again.written).toBe(0);
    expect((await f.services.history.list()).length).toBe(versions);
    expect(f.services.audit.read().filter((e) => e.operation === 'agent.import').length).toBe(audits);
    expect(outcomes(again)).toEqual(outcomes(first));
  });
});

describe('the per-file report', () => {
  it('gives each input one outcome: imported as what, merged into what, skipped why', () => {
    const item = (from: string, p: string) => ({
      from,
      kind: 'mcp-server' as const,
      path: p,
      content: '',
      action: 'create' as const,
    });
    const r = fileReports(
      ['a.json', 'b.json', 'c.md', 'd.toml', 'a.json'],
      [item('a.json', 'mcp-servers/docs.json'), item('a.json', 'mcp-servers/web.json')],
      {
        recognised: [
          { from: 'a.json', as: 'MCP servers' },
          { from: 'b.json', as: 'MCP servers (JSONC)' },
          { from: 'd.toml', as: 'Gemini command' },
        ],
        merged: [{ from: 'b.json', into: 'mcp-servers/docs.json', reason: 'same server as in a.json' }],
      },
      [{ from: 'c.md', reason: 'symlink to outside the import folder' }],
    );
    expect(r).toEqual([
      {
        from: 'a.json',
        outcome: 'imported',
        as: 'MCP servers',
        paths: ['mcp-servers/docs.json', 'mcp-servers/web.json'],
      },
      {
        from: 'b.json',
        outcome: 'merged',
        as: 'MCP servers (JSONC)',
        paths: ['mcp-servers/docs.json'],
        reason: 'same server as in a.json',
      },
      { from: 'c.md', outcome: 'skipped', paths: [], reason: 'symlink to outside the import folder' },
      {
        from: 'd.toml',
        outcome: 'skipped',
        as: 'Gemini command',
        paths: [],
        reason: 'read as Gemini command, but it holds nothing to import',
      },
    ]);
  });

  it('hands ignore files and the Cursor CLI config to the converters (found by name, not by extension)', async () => {
    const f = await agentFixture();
    const src = path.join(tempDir(), 'ignores');
    writeTree(src, {
      '.cursorignore': 'secrets/\n',
      '.aiexclude': '*.pem\n',
      '.geminiignore': 'dist/\n',
      '.codeiumignore': 'build/\n',
      '.cursor/cli.json': '{ "permissions": { "allow": ["Shell(ls)"], "deny": ["Read(.env*)"] } }\n',
    });
    const r = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(outcomes(r)).toEqual([
      ['.aiexclude', 'imported'],
      ['.codeiumignore', 'imported'],
      ['.cursor/cli.json', 'imported'],
      ['.cursorignore', 'imported'],
      ['.geminiignore', 'imported'],
    ]);
    const all = r.items.map((i) => i.content).join('\n');
    for (const p of ['secrets/', '*.pem', 'dist/', 'build/', 'Bash(ls:*)', 'Read(./.env*)']) expect(all).toContain(p);
    expect(r.otherFiles).toBe(0);
  });
});
