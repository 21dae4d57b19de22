import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS, type ToolId } from '../../../src/shared/agents';
import { snapshotTree } from '../../helpers/temp';
import { SCHEMAS_DIR } from '../../helpers/app';
import { agentFixture, ctx, read, writeAgent, writeTree } from './helpers';

const schemaFile = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'));

const TOKEN = 'ghp_TEST_SECRET_abc123';
const scopeFor = (tool: ToolId) => (tool === 'claude-desktop' ? 'user' : 'project');

describe('installing an agent into every tool', () => {
  it('writes valid files for every tool, re-installs with zero writes, and uninstalls back to nothing', async () => {
    const f = await agentFixture({ GITHUB_TOKEN: TOKEN, WORKSPACE_DIR: '/work/space' });
    // Small enough for Windsurf's 12,000-character limit, with resources, a tag, a glob and two MCP servers.
    writeAgent(
      f.personal,
      'reviewer',
      'title: Reviewer\ndescription: Reviews code.\nresources: [common/code-review.md, "roles/data/*.md"]\nmcpServers: [github, context7]\nsettings:\n  claude-code: { model: sonnet, tools: [Read, Grep] }\n  amazon-q: { allowedTools: [fs_read] }',
      'Review the change.\n',
    );
    const before = snapshotTree(f.userHome);
    for (const tool of TOOL_IDS) {
      const r = await f.services.agents.install(
        { name: 'reviewer', tool, scope: scopeFor(tool), project: f.project },
        ctx(),
      );
      expect(r.files.length, tool).toBeGreaterThan(0);
      expect(r.written, tool).toBe(r.files.filter((x) => x.action !== 'unchanged').length);
    }

    // Amazon Q: valid against the published schema, no unknown fields; the rules are copied into the project and
    // listed as workspace-relative file:// resources (committable: no library path).
    const qFile = path.join(f.project, '.amazonq', 'cli-agents', 'reviewer.json');
    const q = JSON.parse(read(qFile));
    const ajv7 = new Ajv({ strict: false, allErrors: true });
    const validQ = ajv7.compile(schemaFile('amazon-q-cli-agent.schema.json'));
    expect(validQ(q), JSON.stringify(validQ.errors)).toBe(true);
    expect(q.resources).toHaveLength(3);
    for (const res of q.resources as string[]) {
      expect(res).toMatch(/^file:\/\/\.amazonq\/rules\//);
      expect(fs.existsSync(path.join(f.project, res.slice('file://'.length)))).toBe(true);
    }
    expect(q.allowedTools).toEqual(['fs_read']);
    // Kiro: the rules are steering files, listed as relative resources; its MCP servers live in the agent file.
    const kiroAgent = JSON.parse(read(path.join(f.project, '.kiro', 'agents', 'reviewer.json')));
    expect(kiroAgent.resources).toEqual(
      (q.resources as string[]).map((r) => r.replace('file://.amazonq/rules/', 'file://.kiro/steering/')),
    );
    expect(fs.existsSync(path.join(f.project, '.kiro', 'settings', 'mcp.json'))).toBe(false);
    expect(Object.keys(kiroAgent.mcpServers)).toEqual(['github', 'context7']);

    // Gemini settings: valid against the published (draft 2020-12) schema.
    const ajv2020 = new Ajv2020({ strict: false, allErrors: true });
    const validG = ajv2020.compile(schemaFile('gemini-cli-settings.schema.json'));
    const gSettings = JSON.parse(read(path.join(f.project, '.gemini', 'settings.json')));
    expect(validG(gSettings), JSON.stringify(validG.errors)).toBe(true);
    expect(gSettings.mcpServers.context7.httpUrl).toBe('https://mcp.context7.com/mcp');
    expect(read(path.join(f.project, 'GEMINI.md'))).toContain('<!-- ai-configurator:begin agent=reviewer -->');

    // Claude Code: subagent frontmatter, CLAUDE.md section, .mcp.json keeping the ${VAR} placeholder (no secret on disk).
    const sub = read(path.join(f.project, '.claude', 'agents', 'reviewer.md'));
    expect(sub).toMatch(/^---\nname: reviewer\ndescription: Reviews code\.\ntools: Read, Grep\nmodel: sonnet\n---\n/);
    expect(read(path.join(f.project, '.mcp.json'))).toContain('${GITHUB_TOKEN}');
    // Rules are copied into the project (.claude/rules), never imported from the library by absolute path.
    expect(read(path.join(f.project, '.claude', 'rules', 'common-code-review.md')).length).toBeGreaterThan(0);
    expect(read(path.join(f.project, 'CLAUDE.md'))).not.toContain('@/');
    expect(read(path.join(f.project, '.mcp.json'))).not.toContain(TOKEN);
    // Cursor and Copilot keep placeholders in their own syntax.
    expect(read(path.join(f.project, '.cursor', 'mcp.json'))).toContain('${env:GITHUB_TOKEN}');
    // Cursor: the agent is a subagent, each resource its own always-on rule.
    expect(read(path.join(f.project, '.cursor', 'agents', 'reviewer.md'))).toMatch(
      /^---\nname: reviewer\ndescription: Reviews code\.\n---/,
    );
    expect(read(path.join(f.project, '.cursor', 'rules', 'common-code-review.mdc'))).toMatch(
      /^---\n(description: .*\n)?alwaysApply: true\n---/,
    );
    expect(
      JSON.parse(read(path.join(f.project, '.vscode', 'mcp.json'))).servers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN,
    ).toBe('${env:GITHUB_TOKEN}');
    // Copilot: a custom agent, each resource its own instructions file.
    expect(read(path.join(f.project, '.github', 'agents', 'reviewer.agent.md'))).toMatch(/^---\nname: Reviewer\n/);
    expect(read(path.join(f.project, '.github', 'instructions', 'common-code-review.instructions.md'))).toMatch(
      /^---\napplyTo: "\*\*"/,
    );
    // Codex: valid TOML with the two tables, in the project's .codex/config.toml at project scope (issue 14).
    const toml = parseToml(read(path.join(f.project, '.codex', 'config.toml'))) as {
      mcp_servers: Record<string, unknown>;
    };
    expect(Object.keys(toml.mcp_servers)).toEqual(['github', 'context7']);
    // Rules are folded under their title (issue 14: foldedRule), not their library path.
    expect(read(path.join(f.project, 'AGENTS.md'))).toContain('## Rules\n\n### Code review\n');
    // Windsurf rule and user-level MCP config; Claude Desktop takes stdio servers only (HTTP ones go in Connectors).
    expect(read(path.join(f.project, '.windsurf', 'rules', 'reviewer.md'))).toMatch(/^---\ntrigger: always_on\n/);
    const desktop = JSON.parse(read(path.join(f.userHome, '.config', 'Claude', 'claude_desktop_config.json')));
    expect(Object.keys(desktop.mcpServers)).toEqual(['github']);

    // Re-installing the unchanged agent writes zero files (and leaves every byte and the manifest alone).
    const snapProject = snapshotTree(f.project);
    const snapHome = snapshotTree(f.userHome);
    const manifestFile = path.join(f.services.paths.state, 'installs', 'manifest.json');
    const manifestMtime = fs.statSync(manifestFile).mtimeMs;
    for (const tool of TOOL_IDS) {
      const r = await f.services.agents.install(
        { name: 'reviewer', tool, scope: scopeFor(tool), project: f.project },
        ctx(),
      );
      expect(r.written, tool).toBe(0);
      expect(
        r.files.every((x) => x.action === 'unchanged'),
        tool,
      ).toBe(true);
    }
    expect(snapshotTree(f.project)).toEqual(snapProject);
    expect(snapshotTree(f.userHome)).toEqual(snapHome);
    expect(fs.statSync(manifestFile).mtimeMs).toBe(manifestMtime);
    expect((await f.services.agents.status()).map((s) => s.state)).toEqual(TOOL_IDS.map(() => 'installed'));

    // Uninstalling every tool removes exactly what we wrote: nothing is left but empty folders.
    for (const tool of TOOL_IDS)
      await f.services.agents.uninstall({ name: 'reviewer', tool, scope: scopeFor(tool), project: f.project }, ctx());
    expect(snapshotTree(f.project)).toEqual({});
    expect(snapshotTree(f.userHome)).toEqual(before);
    expect(await f.services.agents.status()).toEqual([]);

    // One audit record per install/uninstall (two changing and one no-op per tool).
    const audit = f.services.audit.read().filter((a) => a.operation.startsWith('agent.'));
    expect(audit).toHaveLength(TOOL_IDS.length * 3);
    expect(audit.filter((a) => a.result === 'noop')).toHaveLength(TOOL_IDS.length);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });

  it('writes a secret from the store only where the tool forces it, with a warning', async () => {
    const f = await agentFixture();
    f.services.secrets.set('GITHUB_TOKEN', 'store-secret-987');
    writeAgent(f.personal, 'gh', 'description: GitHub helper\nmcpServers: [github]');
    const q = await f.services.agents.install({ name: 'gh', tool: 'amazon-q', scope: 'user' }, ctx());
    expect(q.warnings.join('\n')).toMatch(
      /GITHUB_TOKEN from the environment: its value is written in plain text into .*gh\.json/,
    );
    expect(read(path.join(f.userHome, '.aws', 'amazonq', 'cli-agents', 'gh.json'))).toContain('store-secret-987');
    const c = await f.services.agents.install({ name: 'gh', tool: 'claude-code', scope: 'user' }, ctx());
    expect(c.files.map((x) => x.path)).toContain(path.join(f.userHome, '.claude.json'));
    // Claude Code expands ${VAR} from its environment, but this value is only in our store: it is written, with a warning,
    // and the preview diff shows it redacted.
    expect(c.warnings.join('\n')).toMatch(
      /GITHUB_TOKEN from the environment: its value is written in plain text into .*\.claude\.json/,
    );
    expect(read(path.join(f.userHome, '.claude.json'))).toContain('store-secret-987');
    expect(JSON.stringify(c)).not.toContain('store-secret-987');
  });

  it('refuses a Windsurf rule over 12,000 characters with a clear error, writing nothing', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'big', 'description: Big', 'x'.repeat(12_500) + '\n');
    await expect(
      f.services.agents.install({ name: 'big', tool: 'windsurf', scope: 'project', project: f.project }, ctx()),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: expect.stringMatching(/12,5\d\d characters; Windsurf reads at most 12,000/),
    });
    expect(snapshotTree(f.project)).toEqual({});
    // With `split: true` each resource becomes its own rule file, each under the limit.
    writeAgent(
      f.personal,
      'many',
      'description: Many\nresources: ["roles/**"]\nsettings:\n  windsurf: { split: true }\n  cursor: { split: true }',
    );
    const w = await f.services.agents.install(
      { name: 'many', tool: 'windsurf', scope: 'project', project: f.project },
      ctx(),
    );
    expect(w.files.map((x) => path.basename(x.path))).toContain('roles-devops-ci-cd.md');
    expect(w.files.filter((x) => x.path.includes('.windsurf')).length).toBe(14);
    const c = await f.services.agents.install(
      { name: 'many', tool: 'cursor', scope: 'project', project: f.project },
      ctx(),
    );
    expect(c.files.map((x) => path.basename(x.path))).toContain('roles-frontend-accessibility.mdc');
  });

  it('writes each rule as its own Windsurf rule file under the limit, and names a single rule that cannot fit', async () => {
    const f = await agentFixture();
    const rules = Array.from({ length: 40 }, (_, i) => ({
      rel: `rules/r${String(i).padStart(2, '0')}.md`,
      marker: `marker-${i}-end`,
      body: `# Rule ${i}\n\n${'word '.repeat(200)}marker-${i}-end\n`,
    }));
    writeTree(f.personal, Object.fromEntries(rules.map((r) => [r.rel, r.body])));
    writeAgent(f.personal, 'packed', 'description: Packed\nresources: ["rules/r*.md"]');
    const req = { name: 'packed', tool: 'windsurf' as const, scope: 'project' as const, project: f.project };
    const r = await f.services.agents.install(req, ctx());
    const dir = path.join(f.project, '.windsurf', 'rules');
    const parts = fs.readdirSync(dir).sort();
    // The agent's prompt in packed.md, each rule in its own file (no packing needed: each is under the limit).
    expect(parts).toHaveLength(rules.length + 1);
    expect(parts).toContain('packed.md');
    expect(parts).toContain('r00.md');
    const texts = parts.map((p) => read(path.join(dir, p)));
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(12_000);
      expect(t).toMatch(/^---\ntrigger: always_on\n/);
    }
    // Every rule exactly once, and the prompt in the agent's file.
    const all = texts.join('\n');
    for (const rule of rules) expect(all.split(rule.marker).length).toBe(2);
    expect(read(path.join(dir, 'packed.md'))).toContain('You help.');
    expect(r.written).toBe(parts.length);
    expect((await f.services.agents.install(req, ctx())).written).toBe(0);
    await f.services.agents.uninstall(req, ctx());
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);

    writeTree(f.personal, { 'rules/rhuge.md': 'z'.repeat(13_000) + '\n' });
    const before = snapshotTree(f.project);
    await expect(f.services.agents.install(req, ctx())).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: expect.stringContaining('rules/rhuge.md'),
      hint: expect.stringContaining('rules/rhuge.md'),
    });
    expect(snapshotTree(f.project)).toEqual(before);
  });

  it("warns when AGENTS.md would pass Codex's 32 KiB cap", async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'long', 'description: Long', 'y'.repeat(33_000) + '\n');
    const r = await f.services.agents.install(
      { name: 'long', tool: 'codex', scope: 'project', project: f.project, dryRun: true },
      ctx(),
    );
    expect(r.warnings.join('\n')).toMatch(/AGENTS\.md would be 33,\d{3} bytes; Codex reads only the first 32,768/);
  });

  it('puts Claude Desktop config at each OS path', async () => {
    const { claudeDesktopConfigPath } = await import('../../../src/main/agents/targets/claude-desktop');
    expect(claudeDesktopConfigPath('/h', 'linux', {})).toBe('/h/.config/Claude/claude_desktop_config.json');
    expect(claudeDesktopConfigPath('/h', 'darwin', {})).toBe(
      '/h/Library/Application Support/Claude/claude_desktop_config.json',
    );
    expect(claudeDesktopConfigPath('/h', 'win32', { APPDATA: '/h/AppData/Roaming' })).toBe(
      path.join('/h/AppData/Roaming', 'Claude', 'claude_desktop_config.json'),
    );
  });
});
