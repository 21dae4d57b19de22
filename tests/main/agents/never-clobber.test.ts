import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFiles } from '../../../src/main/agents/apply';
import { snapshotTree, tempDir } from '../../helpers/temp';
import { agentFixture, ctx, read, writeAgent } from './helpers';

const HAND_CLAUDE = '# Project notes\n\nWritten by hand. Keep me.\n';
const HAND_MCP =
  JSON.stringify(
    { mcpServers: { mine: { command: 'my-server', args: ['--flag'] } }, otherSetting: { keep: true } },
    null,
    2,
  ) + '\n';
const HAND_TOML =
  '# my codex config\nmodel = "o3" # inline comment\n\n[profiles.fast]\nmodel = "o4-mini"\n\n# trailing comment\n';

describe('never clobber', () => {
  it('merges into hand-written files, keeps every key and comment, and uninstall restores them byte for byte', async () => {
    const f = await agentFixture({ GITHUB_TOKEN: 'x' });
    writeAgent(f.personal, 'helper', 'description: Helps\nmcpServers: [github, memory]');
    fs.writeFileSync(path.join(f.project, 'CLAUDE.md'), HAND_CLAUDE);
    fs.writeFileSync(path.join(f.project, '.mcp.json'), HAND_MCP);
    // Codex reads MCP from the project's .codex/config.toml at project scope (issue 14).
    fs.mkdirSync(path.join(f.project, '.codex'), { recursive: true });
    fs.writeFileSync(path.join(f.project, '.codex', 'config.toml'), HAND_TOML);

    const r1 = await f.services.agents.install(
      { name: 'helper', tool: 'claude-code', scope: 'project', project: f.project },
      ctx(),
    );
    expect(r1.files.map((x) => [path.basename(x.path), x.action])).toEqual([
      ['helper.md', 'create'],
      ['CLAUDE.md', 'update'],
      ['.mcp.json', 'update'],
    ]);
    expect(read(path.join(f.project, 'CLAUDE.md')).startsWith(HAND_CLAUDE)).toBe(true);
    const mcp = JSON.parse(read(path.join(f.project, '.mcp.json')));
    expect(Object.keys(mcp.mcpServers)).toEqual(['mine', 'github', 'memory']);
    expect(mcp.otherSetting).toEqual({ keep: true });

    await f.services.agents.install({ name: 'helper', tool: 'codex', scope: 'project', project: f.project }, ctx());
    const toml = read(path.join(f.project, '.codex', 'config.toml'));
    expect(toml.startsWith(HAND_TOML)).toBe(true);
    expect(toml).toContain('[mcp_servers.memory]');

    // The user edits their own parts after our install: still ours to remove cleanly.
    fs.appendFileSync(path.join(f.project, 'CLAUDE.md'), '\nMore notes.\n');
    await f.services.agents.uninstall(
      { name: 'helper', tool: 'claude-code', scope: 'project', project: f.project },
      ctx(),
    );
    await f.services.agents.uninstall({ name: 'helper', tool: 'codex', scope: 'project', project: f.project }, ctx());
    expect(read(path.join(f.project, 'CLAUDE.md'))).toBe(HAND_CLAUDE + '\nMore notes.\n');
    expect(read(path.join(f.project, '.mcp.json'))).toBe(HAND_MCP);
    expect(read(path.join(f.project, '.codex', 'config.toml'))).toBe(HAND_TOML);
    expect(fs.existsSync(path.join(f.project, '.claude', 'agents', 'helper.md'))).toBe(false);
    expect(fs.existsSync(path.join(f.project, 'AGENTS.md'))).toBe(false);
  });

  it('stops on drift with a diff, then honours overwrite, adopt theirs and skip', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps', 'Version one.\n');
    const req = { name: 'helper', tool: 'gemini' as const, scope: 'project' as const, project: f.project };
    await f.services.agents.install(req, ctx());
    const geminiMd = path.join(f.project, 'GEMINI.md');
    const edited = read(geminiMd).replace('Version one.', 'Version one, edited by hand.');
    fs.writeFileSync(geminiMd, edited);
    writeAgent(f.personal, 'helper', 'description: Helps', 'Version two.\n');
    expect((await f.services.agents.status())[0]!.state).toBe('drifted');

    // Plain install: stops, writes nothing, names the file; the preview shows the drift and the diff.
    const snap = snapshotTree(f.project);
    await expect(f.services.agents.install(req, ctx())).rejects.toMatchObject({
      code: 'DRIFT',
      message: expect.stringContaining('GEMINI.md'),
    });
    expect(snapshotTree(f.project)).toEqual(snap);
    const preview = await f.services.agents.plan(req, 'install');
    expect(preview.blocked).toBe(true);
    expect(preview.files[0]).toMatchObject({
      action: 'skip',
      drift: [{ kind: 'modified', what: 'section agent=helper' }],
    });
    const withChoice = await f.services.agents.plan({ ...req, onDrift: 'overwrite' }, 'install');
    expect(withChoice.files[0]!.diff).toContain('-Version one, edited by hand.');
    expect(withChoice.files[0]!.diff).toContain('+Version two.');

    // Skip: leaves their edit, still drifted.
    const skipped = await f.services.agents.install({ ...req, onDrift: 'skip' }, ctx());
    expect(skipped.written).toBe(0);
    expect(read(geminiMd)).toBe(edited);

    // Adopt theirs: keeps their text and accepts it as ours; a re-install of the same agent then writes nothing.
    await f.services.agents.install({ ...req, resolutions: { [geminiMd]: 'adopt' } }, ctx());
    expect(read(geminiMd)).toBe(edited);
    expect((await f.services.agents.install(req, ctx())).written).toBe(0);
    expect((await f.services.agents.status())[0]!.state).toBe('installed');

    // A later change to the agent is installed over the adopted text; a fresh edit then needs overwrite.
    writeAgent(f.personal, 'helper', 'description: Helps', 'Version three.\n');
    expect((await f.services.agents.status())[0]!.state).toBe('needs-reinstall');
    await f.services.agents.install(req, ctx());
    expect(read(geminiMd)).toContain('Version three.');
    fs.writeFileSync(geminiMd, read(geminiMd).replace('Version three.', 'Mine now.'));
    await f.services.agents.install({ ...req, onDrift: 'overwrite' }, ctx());
    expect(read(geminiMd)).toContain('Version three.');
    expect(read(geminiMd)).not.toContain('Mine now.');
  });

  it("treats someone else's key where ours would go as drift, never overwriting it silently", async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps\nmcpServers: [memory]');
    const theirs = JSON.stringify({ mcpServers: { memory: { command: 'their-memory' } } }, null, 2) + '\n';
    fs.mkdirSync(path.join(f.project, '.cursor'), { recursive: true });
    fs.writeFileSync(path.join(f.project, '.cursor', 'mcp.json'), theirs);
    const req = { name: 'helper', tool: 'cursor' as const, scope: 'project' as const, project: f.project };
    await expect(f.services.agents.install(req, ctx())).rejects.toMatchObject({ code: 'DRIFT' });
    await f.services.agents.install({ ...req, onDrift: 'skip' }, ctx());
    expect(read(path.join(f.project, '.cursor', 'mcp.json'))).toBe(theirs);
    // Their key is not ours: uninstall leaves it.
    await f.services.agents.uninstall(req, ctx());
    expect(read(path.join(f.project, '.cursor', 'mcp.json'))).toBe(theirs);
    expect(fs.existsSync(path.join(f.project, '.cursor', 'rules', 'helper.mdc'))).toBe(false);
  });

  it('shares an MCP server between two agents and removes it only with the last one', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'one', 'description: One\nmcpServers: [memory]');
    writeAgent(f.personal, 'two', 'description: Two\nmcpServers: [memory, fetch]');
    const req = (name: string) => ({ name, tool: 'gemini' as const, scope: 'user' as const });
    await f.services.agents.install(req('one'), ctx());
    await f.services.agents.install(req('two'), ctx());
    const settings = path.join(f.userHome, '.gemini', 'settings.json');
    expect(Object.keys(JSON.parse(read(settings)).mcpServers)).toEqual(['memory', 'fetch']);
    await f.services.agents.uninstall(req('one'), ctx());
    expect(Object.keys(JSON.parse(read(settings)).mcpServers)).toEqual(['memory', 'fetch']);
    expect(read(path.join(f.userHome, '.gemini', 'GEMINI.md'))).not.toContain('agent=one');
    await f.services.agents.uninstall(req('two'), ctx());
    expect(fs.existsSync(settings)).toBe(false);
    expect(fs.existsSync(path.join(f.userHome, '.gemini', 'GEMINI.md'))).toBe(false);
  });

  it('a failed write part-way puts back the files already written', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.md');
    fs.writeFileSync(a, 'old a\n');
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be');
    const b = path.join(dir, 'blocker', 'b.md');
    await expect(
      applyFiles([
        { path: a, before: 'old a\n', after: 'new a\n', action: 'update', drift: [] },
        { path: b, before: undefined, after: 'new b\n', action: 'create', drift: [] },
      ]),
    ).rejects.toThrow();
    expect(read(a)).toBe('old a\n');
  });

  it('a bad JSON file we would merge into is reported by name and left alone', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps\nmcpServers: [memory]');
    fs.writeFileSync(path.join(f.project, '.mcp.json'), '{ "mcpServers": { // comment\n');
    await expect(
      f.services.agents.install({ name: 'helper', tool: 'claude-code', scope: 'project', project: f.project }, ctx()),
    ).rejects.toMatchObject({ code: 'INVALID_FILE', message: expect.stringContaining('.mcp.json is not valid JSON') });
    expect(fs.readdirSync(f.project).sort()).toEqual(['.mcp.json']);
  });
});
