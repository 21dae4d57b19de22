import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { ToolId } from '../../../src/shared/agents';
import { parseFrontmatter } from '../../../src/main/library/frontmatter';
import { tempDir } from '../../helpers/temp';
import { SCHEMAS_DIR } from '../../helpers/app';
import { agentFixture, ctx, read, writeTree, type AgentFixture } from './helpers';

type Files = Record<string, string>;
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

interface Case {
  readonly tool: ToolId;
  readonly scope: 'user' | 'project';
  /** The install may write the tool's user-level files (Windsurf's MCP config). */
  readonly allowUserFiles?: boolean;
  readonly files: (src: string) => Files;
  /** The imported agents to install (an agent file's own, the tool's bundle `<label>-<tool>`, its `-mcp`). */
  readonly agents: (label: string) => string[];
  readonly check: (f: AgentFixture, src: string, project: string) => void;
}

const globs = (v: unknown) => (Array.isArray(v) ? v : String(v).split(',')).map((g) => String(g).trim());

const fm = (text: string) => {
  const p = parseFrontmatter(text);
  return { fm: p.frontmatter, body: p.body.trim() };
};

const CASES: ReadonlyArray<Case> = [
  {
    tool: 'claude-code',
    scope: 'project',
    files: () => ({
      '.claude/agents/rev.md':
        '---\nname: rev\ndescription: Reviews code\ntools: Read, Grep\nmodel: sonnet\ncolor: blue\n---\n\nReview carefully.\n',
      '.mcp.json': json({
        mcpServers: {
          'fs-cc': { type: 'stdio', command: 'npx', args: ['-y', 'srv'], env: { TOKEN: '${TOKEN}' } },
          'web-cc': { type: 'http', url: 'https://x.test/mcp', headers: { A: 'b' } },
        },
      }),
    }),
    agents: (l) => ['rev', `${l}-claude-code-mcp`],
    check(_f, src, project) {
      expect(fm(read(path.join(project, '.claude/agents/rev.md')))).toEqual(
        fm(read(path.join(src, '.claude/agents/rev.md'))),
      );
      expect(JSON.parse(read(path.join(project, '.mcp.json')))).toEqual(JSON.parse(read(path.join(src, '.mcp.json'))));
    },
  },
  {
    tool: 'cursor',
    scope: 'project',
    files: () => ({
      '.cursor/rules/style.mdc':
        '---\ndescription: Style rules\nglobs: src/**/*.ts\nalwaysApply: false\n---\n\nUse tabs.\n',
      '.cursor/mcp.json': json({
        mcpServers: { 'fs-cursor': { command: 'npx', args: ['a'], env: { K: '${env:K}' } } },
      }),
    }),
    agents: (l) => [`${l}-cursor`, `${l}-cursor-mcp`],
    check(_f, src, project) {
      expect(fm(read(path.join(project, '.cursor/rules/style.mdc')))).toEqual(
        fm(read(path.join(src, '.cursor/rules/style.mdc'))),
      );
      expect(JSON.parse(read(path.join(project, '.cursor/mcp.json')))).toEqual(
        JSON.parse(read(path.join(src, '.cursor/mcp.json'))),
      );
    },
  },
  {
    tool: 'windsurf',
    scope: 'project',
    allowUserFiles: true,
    files: () => ({
      '.windsurf/rules/py.md': '---\ntrigger: glob\ndescription: Python\nglobs: "*.py"\n---\n\nPython rules.\n',
      '.codeium/windsurf/mcp_config.json': json({ mcpServers: { 'remote-ws': { serverUrl: 'https://s.test/mcp' } } }),
    }),
    agents: (l) => [`${l}-windsurf`, `${l}-windsurf-mcp`],
    check(f, src, project) {
      const out = fm(read(path.join(project, '.windsurf/rules/py.md')));
      const orig = fm(read(path.join(src, '.windsurf/rules/py.md')));
      expect({ ...out.fm, globs: globs(out.fm.globs) }).toEqual({ ...orig.fm, globs: globs(orig.fm.globs) });
      expect(out.body).toBe(orig.body);
      expect(JSON.parse(read(path.join(f.userHome, '.codeium/windsurf/mcp_config.json')))).toEqual(
        JSON.parse(read(path.join(src, '.codeium/windsurf/mcp_config.json'))),
      );
    },
  },
  {
    tool: 'copilot',
    scope: 'project',
    files: () => ({
      '.github/instructions/black.instructions.md': '---\napplyTo: "**/*.py"\n---\n\nFormat with black.\n',
      '.vscode/mcp.json': json({ servers: { 'fs-vs': { type: 'stdio', command: 'npx', args: ['v'] } } }),
    }),
    agents: (l) => [`${l}-copilot`, `${l}-copilot-mcp`],
    check(_f, src, project) {
      const out = fm(read(path.join(project, '.github/instructions/black.instructions.md')));
      expect(out.fm.applyTo).toBe('**/*.py');
      expect(out.body).toContain('Format with black.');
      expect(JSON.parse(read(path.join(project, '.vscode/mcp.json')))).toEqual(
        JSON.parse(read(path.join(src, '.vscode/mcp.json'))),
      );
    },
  },
  {
    tool: 'codex',
    scope: 'project',
    files: () => ({
      'AGENTS.md': '# Repo rules\n\nRun the tests before you push.\n',
      '.codex/config.toml': '[mcp_servers.fs-codex]\ncommand = "npx"\nargs = ["-y", "srv"]\nenv = { A = "1" }\n',
    }),
    agents: (l) => [`${l}-codex`, `${l}-codex-mcp`],
    check(f, src, project) {
      expect(read(path.join(project, 'AGENTS.md'))).toContain('# Repo rules\n\nRun the tests before you push.');
      // Project scope: MCP goes to the project's own .codex/config.toml (issue 14), not ~/.codex.
      expect(parseToml(read(path.join(project, '.codex/config.toml')))).toEqual(
        parseToml(read(path.join(src, '.codex/config.toml'))),
      );
    },
  },
  {
    tool: 'gemini',
    scope: 'project',
    files: () => ({
      'GEMINI.md': 'Be concise.\n',
      '.gemini/settings.json': json({ theme: 'dark', mcpServers: { 'fs-gem': { command: 'npx', args: ['g'] } } }),
    }),
    agents: (l) => [`${l}-gemini`, `${l}-gemini-mcp`],
    check(_f, src, project) {
      const md = read(path.join(project, 'GEMINI.md'));
      const imported = /^@(.+GEMINI\.md)$/m.exec(md)?.[1];
      // Rules are copied into .gemini/rules/ and imported relative to GEMINI.md (issue 14), under their title.
      expect(imported && read(path.resolve(project, imported))).toContain('Be concise.\n');
      expect(JSON.parse(read(path.join(project, '.gemini/settings.json'))).mcpServers).toEqual(
        JSON.parse(read(path.join(src, '.gemini/settings.json'))).mcpServers,
      );
    },
  },
  {
    tool: 'amazon-q',
    scope: 'project',
    files: (src) => ({
      'notes/q-notes.md': '# Notes\n\nQ resource.\n',
      '.amazonq/cli-agents/qa.json': json({
        name: 'qa',
        description: 'Q agent',
        prompt: 'Be Q.',
        mcpServers: { 'fs-q': { command: 'npx', args: ['q'] } },
        tools: ['fs_read'],
        allowedTools: ['fs_read'],
        resources: [`file://${path.join(src, 'notes', 'q-notes.md')}`],
        model: 'claude-sonnet-4',
      }),
    }),
    agents: () => ['qa'],
    check(_f, src, project) {
      const out = JSON.parse(read(path.join(project, '.amazonq/cli-agents/qa.json')));
      const orig = JSON.parse(read(path.join(src, '.amazonq/cli-agents/qa.json')));
      for (const k of ['name', 'description', 'prompt', 'mcpServers', 'tools', 'allowedTools', 'model'])
        expect(out[k], k).toEqual(orig[k]);
      // The rule is copied into the project and referenced relative to it.
      expect(out.resources[0]).toMatch(/^file:\/\/\.amazonq\/rules\//);
      expect(read(path.join(project, out.resources[0].slice('file://'.length))).trim()).toBe(
        read(path.join(src, 'notes', 'q-notes.md')).trim(),
      );
      const valid = new Ajv({ strict: false }).compile(
        JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'amazon-q-cli-agent.schema.json'), 'utf8')),
      );
      expect(valid(out), JSON.stringify(valid.errors)).toBe(true);
    },
  },
  {
    tool: 'kiro',
    scope: 'project',
    files: () => ({
      '.kiro/agents/k.json': json({
        name: 'k',
        description: 'Kiro agent',
        prompt: 'Be K.',
        tools: ['read'],
        includeMcpJson: true,
        welcomeMessage: 'hi',
      }),
      '.kiro/settings/mcp.json': json({ mcpServers: { 'fs-kiro': { command: 'npx', args: ['k'] } } }),
    }),
    agents: (l) => ['k', `${l}-kiro-mcp`],
    check(_f, src, project) {
      const out = JSON.parse(read(path.join(project, '.kiro/agents/k.json')));
      expect(out).toMatchObject({
        name: 'k',
        description: 'Kiro agent',
        prompt: 'Be K.',
        tools: ['read'],
        includeMcpJson: true,
        welcomeMessage: 'hi',
      });
      expect(JSON.parse(read(path.join(project, '.kiro/settings/mcp.json')))).toEqual(
        JSON.parse(read(path.join(src, '.kiro/settings/mcp.json'))),
      );
    },
  },
  {
    tool: 'claude-desktop',
    scope: 'user',
    files: () => ({
      '.config/Claude/claude_desktop_config.json': json({
        globalShortcut: 'Ctrl+Space',
        mcpServers: { 'fs-desk': { command: 'npx', args: ['d'], env: { X: '1' } } },
      }),
    }),
    agents: (l) => [`${l}-claude-desktop-mcp`],
    check(f, src) {
      expect(JSON.parse(read(path.join(f.userHome, '.config/Claude/claude_desktop_config.json'))).mcpServers).toEqual(
        JSON.parse(read(path.join(src, '.config/Claude/claude_desktop_config.json'))).mcpServers,
      );
    },
  },
];

describe('import then install reproduces equivalent files', () => {
  it.each(CASES.map((c) => [c.tool, c] as const))('%s', async (_name, c) => {
    const f = await agentFixture();
    const label = `src-${c.tool}`;
    const src = path.join(tempDir(), label);
    writeTree(src, c.files(src));
    const preview = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(preview.items.length).toBeGreaterThan(0);
    expect(preview.items.every((i) => i.action === 'create')).toBe(true);
    for (const name of c.agents(label))
      expect(fs.existsSync(path.join(f.personal, 'agents', `${name}.md`))).toBe(false);
    const r = await f.services.agents.importConfigs({ path: src }, ctx());
    expect(r.written).toBe(r.items.length);
    for (const name of c.agents(label)) expect(r.items.map((i) => i.path)).toContain(`agents/${name}.md`);
    const project = path.join(tempDir(), 'project');
    fs.mkdirSync(project);
    for (const name of c.agents(label))
      await f.services.agents.install(
        {
          name,
          tool: c.tool,
          scope: c.scope,
          ...(c.scope === 'project' ? { project } : {}),
          ...(c.allowUserFiles ? { allowUserFiles: true } : {}),
        },
        ctx(),
      );
    c.check(f, src, project);
    // Importing again changes nothing.
    const again = await f.services.agents.importConfigs({ path: src }, ctx());
    expect(again.written).toBe(0);
  });

  it('keeps what it installed out of an import, and imports dropped files', async () => {
    const f = await agentFixture();
    const project = path.join(tempDir(), 'proj');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'CLAUDE.md'), '# Mine\n');
    await f.services.agents.install({ name: 'code-reviewer', tool: 'claude-code', scope: 'project', project }, ctx());
    const r = await f.services.agents.importConfigs({ path: project, dryRun: true }, ctx());
    expect(r.skipped.map((s) => s.from)).toContain('.claude/agents/code-reviewer.md');
    expect(r.items.filter((i) => i.kind === 'mcp-server')).toEqual([]);
    // A memory file is an always-on rule, selected by the tool's bundle agent.
    expect(r.items.find((i) => i.kind === 'rule')).toMatchObject({ path: 'rules/CLAUDE.md', content: '# Mine\n' });

    const dropped = await f.services.agents.importConfigs(
      {
        files: [
          { name: 'team.mdc', content: '---\ndescription: Team\nalwaysApply: true\n---\n\nBe kind.\n' },
          { name: 'notes.txt', content: 'x' },
        ],
      },
      ctx(),
    );
    expect(dropped.items.map((i) => [i.kind, i.path])).toEqual([
      ['rule', 'rules/team.md'],
      ['agent', 'agents/dropped-cursor.md'],
    ]);
    expect(dropped.skipped).toEqual([{ from: 'notes.txt', reason: 'not a tool configuration AI Configurator knows' }]);
    expect(read(path.join(f.personal, 'rules', 'team.md'))).toBe('---\ndescription: Team\n---\n\nBe kind.\n');
    expect((await f.services.agents.show('dropped-cursor')).agent.rules).toEqual(['rules/team.md']);
  });
});
