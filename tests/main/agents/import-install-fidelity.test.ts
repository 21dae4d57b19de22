import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { ToolId } from '../../../src/shared/agents';
import { parseFrontmatter } from '../../../src/main/library/frontmatter';
import { ruleSlugger } from '../../../src/main/agents/targets/render-helpers';
import { SCHEMAS_DIR } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx, read } from './helpers';
import { REAL_SHAPED, convertTree, writeConverted } from './import-round-trip-helpers';

/**
 * Import X, install X: the INSTALLED files equal the tool's ORIGINAL files in meaning (not "import again, same
 * content", which hides what an install loses): the same rule file names with the same activation, no file for an
 * agent the import made only to select things, the same agent frontmatter, MCP entries and hook matchers.
 */
const LABEL = 'src';

const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, name), 'utf8')) as object;
/** The published schemas for the files an install writes, where there is one (AI_CONFIG_SCHEMAS_DIR). */
const VALIDATE = {
  claude: () =>
    new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema('claude-code-settings.schema.json')),
  gemini: () => new Ajv2020({ strict: false, allErrors: true }).compile(schema('gemini-cli-settings.schema.json')),
  amazonQ: () =>
    new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema('amazon-q-cli-agent.schema.json')),
};

/** Every imported agent installed at project scope into a fresh project; the project folder. */
async function importThenInstall(tool: ToolId, allowUserFiles = false): Promise<string> {
  const f = await agentFixture();
  const first = convertTree(path.join(REAL_SHAPED, tool), LABEL);
  writeConverted(f.personal, first);
  const project = path.join(tempDir(), 'project');
  fs.mkdirSync(project);
  const agents = first.files.filter((x) => x.kind === 'agent').map((x) => x.path.replace(/^agents\/|\.md$/g, ''));
  expect(agents.length).toBeGreaterThan(0);
  for (const name of agents)
    await f.services.agents.install(
      { name, tool, scope: 'project', project, ...(allowUserFiles ? { allowUserFiles: true } : {}) },
      ctx(),
    );
  return project;
}

const fmOf = (file: string) => parseFrontmatter(read(file)).frontmatter;
const globList = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : []).map((g) => g.trim()).sort();

/** A rule folder of a tool: its file suffix and what its frontmatter says about when the rule loads. */
interface RuleDir {
  readonly tool: ToolId;
  readonly dir: string;
  readonly suffix: string;
  readonly activation: (fm: Record<string, unknown>) => unknown;
  readonly allowUserFiles?: boolean;
}

const RULE_DIRS: ReadonlyArray<RuleDir> = [
  {
    tool: 'cursor',
    dir: '.cursor/rules',
    suffix: '.mdc',
    activation: (fm) => ({ always: fm.alwaysApply === true, globs: globList(fm.globs), described: !!fm.description }),
  },
  {
    tool: 'copilot',
    dir: '.github/instructions',
    suffix: '.instructions.md',
    activation: (fm) => ({ applyTo: globList(fm.applyTo) }),
  },
  {
    tool: 'windsurf',
    dir: '.windsurf/rules',
    suffix: '.md',
    allowUserFiles: true,
    activation: (fm) => ({ trigger: fm.trigger, globs: globList(fm.globs) }),
  },
  {
    tool: 'kiro',
    dir: '.kiro/steering',
    suffix: '.md',
    activation: (fm) => ({ inclusion: fm.inclusion, globs: globList(fm.fileMatchPattern) }),
  },
  { tool: 'claude-code', dir: '.claude/rules', suffix: '.md', activation: (fm) => ({ paths: globList(fm.paths) }) },
];

/** The rule files directly in `dir` (a nested folder is flattened into a `<folder>-<name>` file by the install). */
const ruleFiles = (root: string, d: RuleDir) =>
  fs
    .readdirSync(path.join(root, d.dir), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(d.suffix))
    .map((e) => e.name)
    .sort();

describe('import X, install X: the installed rule files are the original ones', () => {
  it.each(RULE_DIRS.map((d) => [d.tool, d] as const))('%s', async (_n, d) => {
    const project = await importThenInstall(d.tool, d.allowUserFiles);
    const src = path.join(REAL_SHAPED, d.tool);
    const originals = ruleFiles(src, d);
    expect(originals.length).toBeGreaterThan(0);
    const installed = ruleFiles(project, d);
    expect(installed).toEqual(expect.arrayContaining(originals));
    for (const name of originals)
      expect(d.activation(fmOf(path.join(project, d.dir, name))), name).toEqual(
        d.activation(fmOf(path.join(src, d.dir, name))),
      );
  });

  it('keeps the whole-path name only for rules that would share a name', () => {
    const slug = ruleSlugger([{ path: 'rules/x.md' }, { path: 'x.md' }, { path: 'rules/web/api.md' }], ['agent']);
    expect(slug({ path: 'rules/x.md' })).toBe('rules-x');
    expect(slug({ path: 'x.md' })).toBe('x');
    expect(slug({ path: 'rules/web/api.md' })).toBe('web-api');
    // A rule named like the agent's own file in the same folder keeps its whole-path name.
    expect(ruleSlugger([{ path: 'rules/agent.md' }], ['agent'])({ path: 'rules/agent.md' })).toBe('rules-agent');
  });
});

/** Every file under `root` (relative, sorted). */
function walk(root: string, dir = ''): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      return e.isDirectory() ? walk(root, rel) : [rel];
    })
    .sort();
}

const TOOLS: ReadonlyArray<ToolId> = [
  'claude-code',
  'cursor',
  'copilot',
  'windsurf',
  'kiro',
  'amazon-q',
  'gemini',
  'codex',
];

describe('import X, install X: an agent the import made only to select things gets no file of its own', () => {
  it.each(TOOLS.map((t) => [t] as const))('%s', async (tool) => {
    const project = await importThenInstall(tool, tool === 'windsurf');
    const files = walk(project);
    expect(files.length).toBeGreaterThan(0);
    // The bundle `src-<tool>` and the MCP holder `src-<tool>-mcp`: no subagent, rule or agent file named after them
    // (the legacy Q CLI's agent file is its only way to load rules and servers: kept when it carries them).
    const own = files.filter((f) => path.basename(f).startsWith(`${LABEL}-${tool}`) && !f.includes('/hooks/'));
    const validQ = tool === 'amazon-q' ? VALIDATE.amazonQ() : undefined;
    for (const f of files.filter((x) => x.startsWith('.amazonq/cli-agents/'))) {
      const j = JSON.parse(read(path.join(project, f))) as unknown;
      expect(validQ!(j), `${f}: ${JSON.stringify(validQ!.errors)}`).toBe(true);
    }
    for (const f of own) {
      expect(tool, f).toBe('amazon-q');
      const j = JSON.parse(read(path.join(project, f))) as Record<string, unknown>;
      expect(Object.keys(j.mcpServers as object).length + (j.resources as unknown[]).length, f).toBeGreaterThan(0);
    }
    for (const f of files) {
      const text = read(path.join(project, f));
      // A managed section for them only when it holds the rules they select (Codex inlines them, Gemini imports
      // them): never a heading alone.
      for (const m of text.matchAll(/<!-- ai-configurator:begin agent=(\S+) -->\n([^]*?)<!-- ai-configurator:end/g))
        expect(m[2]!.replace(/^## .*\n/, '').trim(), `${f} section ${m[1]}`).not.toBe('');
      // No Markdown file without a body.
      if (/\.(md|mdc)$/.test(f)) expect(parseFrontmatter(text).body.trim(), f).not.toBe('');
    }
  });
});

const mcpServersOf = (file: string) => (JSON.parse(read(file)) as { mcpServers?: unknown }).mcpServers;

describe('import X, install X: the same MCP server entries where the tool had them', () => {
  it('kiro: the shared mcp.json keeps disabled/autoApprove, an agent keeps its own servers in its file', async () => {
    const project = await importThenInstall('kiro');
    const src = path.join(REAL_SHAPED, 'kiro');
    const shared = '.kiro/settings/mcp.json';
    expect(mcpServersOf(path.join(project, shared))).toEqual(mcpServersOf(path.join(src, shared)));
    const agent = '.kiro/agents/backend.json';
    expect(Object.keys(mcpServersOf(path.join(src, agent)) as object).length).toBeGreaterThan(0);
    expect(mcpServersOf(path.join(project, agent))).toEqual(mcpServersOf(path.join(src, agent)));
  });
});

describe('import X, install X: the same agent frontmatter, fields the library does not model included', () => {
  it('copilot: a custom agent keeps name, tools, model and handoffs', async () => {
    const project = await importThenInstall('copilot');
    const rel = '.github/agents/planner.agent.md';
    const original = parseFrontmatter(read(path.join(REAL_SHAPED, 'copilot', rel)));
    expect(original.frontmatter.handoffs).toBeDefined();
    const installed = parseFrontmatter(read(path.join(project, rel)));
    expect(installed.frontmatter).toEqual(original.frontmatter);
    expect(installed.body.trim()).toBe(original.body.trim());
  });
});

/** Every (event, matcher, command) of a Claude-shaped `hooks` object (Claude Code, Codex, Gemini CLI). */
function hookTriples(hooks: unknown): string[] {
  const out: string[] = [];
  for (const [event, groups] of Object.entries((hooks ?? {}) as Record<string, unknown[]>))
    for (const g of groups as { matcher?: string; hooks?: { command?: string }[] }[])
      for (const h of g.hooks ?? []) out.push(JSON.stringify([event, g.matcher ?? '', h.command]));
  return out.sort();
}

const HOOK_FILES: ReadonlyArray<[ToolId, string]> = [
  ['claude-code', '.claude/settings.json'],
  ['codex', '.codex/hooks.json'],
  ['gemini', '.gemini/settings.json'],
];

describe('import X, install X: the same hook matchers, on every event the tool filters', () => {
  it.each(HOOK_FILES)('%s', async (tool, rel) => {
    const project = await importThenInstall(tool);
    const hooksOf = (root: string) => (JSON.parse(read(path.join(root, rel))) as { hooks?: unknown }).hooks;
    const original = hookTriples(hooksOf(path.join(REAL_SHAPED, tool)));
    expect(original.length).toBeGreaterThan(0);
    expect(hookTriples(hooksOf(project))).toEqual(original);
    const valid = tool === 'claude-code' ? VALIDATE.claude() : tool === 'gemini' ? VALIDATE.gemini() : undefined;
    if (valid) {
      const written = JSON.parse(read(path.join(project, rel))) as unknown;
      expect(valid(written), JSON.stringify(valid.errors)).toBe(true);
    }
  });
});
