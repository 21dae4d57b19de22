import { agentFrontmatterSchema } from '../../shared/agents';
import { globToRegExp, isGlob } from './glob';
import { lintSelectors, type Catalog } from './lint-selectors';
import { fieldName, type Add, type FieldPath, type Frontmatter, type YamlSource } from './lint-yaml';

const AGENT_FIXES: Record<string, string> = {
  schemaVersion: 'write schemaVersion: 1',
  name: 'use lower-case letters, digits, ".", "_" or "-", and the file name',
  mcpServers: 'list MCP server names (the file names in mcp-servers/ without .json)',
  targets: 'list entries like { tool: claude-code, scope: project }',
};

/** Fields only a library agent profile has: a file with one of them is a library agent, schemaVersion or not. */
const LIBRARY_ONLY = ['resources', 'rules', 'commands', 'permissions', 'mcpServers', 'targets', 'settings'];

type FieldType = 'string' | 'strings' | 'list' | 'boolean' | 'number' | 'mapping';

/** The frontmatter a tool reads from its own agent files, by field: only what the tool would refuse is checked. */
const TOOL_FIELDS: Record<'copilot' | 'claude', Record<string, FieldType>> = {
  copilot: {
    name: 'string',
    description: 'string',
    tools: 'strings',
    model: 'strings',
    target: 'string',
    'argument-hint': 'string',
    handoffs: 'list',
    infer: 'boolean',
    'mcp-servers': 'mapping',
  },
  claude: {
    name: 'string',
    description: 'string',
    tools: 'strings',
    disallowedTools: 'strings',
    model: 'string',
    color: 'string',
    permissionMode: 'string',
    maxTurns: 'number',
    skills: 'strings',
    hooks: 'mapping',
  },
};

const TOOL_LABEL = { copilot: 'GitHub Copilot custom agent', claude: 'Claude Code subagent' } as const;

const fits = (v: unknown, t: FieldType): boolean => {
  const mapping = (x: unknown): boolean => !!x && typeof x === 'object' && !Array.isArray(x);
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'strings':
      return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    case 'list':
      return Array.isArray(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number';
    case 'mapping':
      return mapping(v);
  }
};

const WANT: Record<FieldType, string> = {
  string: 'a string',
  strings: 'a string or a list of strings',
  list: 'a list',
  boolean: 'true or false',
  number: 'a number',
  mapping: 'a mapping (key: value lines)',
};

/**
 * Which tool's own agent file this is, when it is one: a Copilot `.agent.md` / `.chatmode.md`, or a Claude Code
 * subagent (name and description, no schemaVersion, none of a library agent's fields). Those are the tool's format,
 * not a library agent profile: they never need schemaVersion.
 */
function toolNative(rel: string, fm: Frontmatter): 'copilot' | 'claude' | undefined {
  const data = fm.kind === 'ok' ? fm.data : {};
  if (Object.hasOwn(data, 'schemaVersion') || LIBRARY_ONLY.some((k) => Object.hasOwn(data, k))) return undefined;
  if (/\.(agent|chatmode)\.md$/i.test(rel)) return 'copilot';
  return typeof data.name === 'string' && typeof data.description === 'string' ? 'claude' : undefined;
}

function lintToolAgent(rel: string, tool: 'copilot' | 'claude', fm: Frontmatter, add: Add): void {
  add({
    file: rel,
    line: 1,
    rule: 'agent/tool-native',
    message: `a ${TOOL_LABEL[tool]} in the tool's own format: shared as a file, not installed as a library agent profile`,
    fix:
      tool === 'claude'
        ? 'nothing, to share it as a file; to install it as a library agent profile, add schemaVersion: 1 ' +
          '(see assets/starter-library/agents/), or `ai-config import` it'
        : 'nothing, to share it as a file; to install it as a library agent profile, `ai-config import` it ' +
          '(it becomes agents/<name>.md with schemaVersion: 1)',
  });
  if (fm.kind !== 'ok') return;
  for (const [key, type] of Object.entries(TOOL_FIELDS[tool])) {
    const v = fm.data[key];
    if (v === undefined || v === null || fits(v, type)) continue;
    add({
      file: rel,
      ...fm.source.at([key]),
      rule: 'agent/tool-field-invalid',
      field: key,
      message: `field "${key}" must be ${WANT[type]} for a ${TOOL_LABEL[tool]}, not ${JSON.stringify(v)}`,
      fix: `write ${key} as ${WANT[type]}`,
    });
  }
}

/** What the agent checks need of the rest of the library. */
export interface AgentContext {
  readonly catalog: Catalog;
  /** Every file the walk listed and that was there to read (binary ones included). */
  readonly present: ReadonlySet<string>;
  /** Lower-cased tag → the files that have it. */
  readonly tags: ReadonlyMap<string, ReadonlyArray<string>>;
  /** Library paths an agent's resources may name (not agents or MCP servers). */
  readonly knowledge: ReadonlyArray<string>;
  /** Agent name → its file, for duplicates (filled in as agents are checked). */
  readonly names: Map<string, string>;
}

function lintResources(rel: string, resources: ReadonlyArray<string>, src: YamlSource, c: AgentContext, add: Add) {
  resources.forEach((r, i) => {
    const at = { file: rel, ...src.at(['resources', i]), field: `resources[${i}]` };
    if (r.startsWith('tag:')) {
      if (!c.tags.has(r.slice(4).trim().toLowerCase()))
        add({
          ...at,
          rule: 'agent/tag-unmatched',
          message: `no file has the tag "${r.slice(4).trim()}"`,
          fix: 'correct the tag, or tag the files it should pick',
        });
    } else if (isGlob(r)) {
      const re = globToRegExp(r.replace(/^\.\//, ''));
      if (!c.knowledge.some((k) => re.test(k)))
        add({
          ...at,
          rule: 'agent/glob-unmatched',
          message: `the glob "${r}" matches no file`,
          fix: 'correct the glob (paths are relative to the library root)',
        });
    } else if (!c.present.has(r.replace(/^\.\//, '')))
      add({
        ...at,
        rule: 'agent/resource-missing',
        message: `resource "${r}" does not exist`,
        fix: 'correct the path (relative to the library root), or remove it',
      });
  });
}

/** `agents/*.md`: a library agent profile (schema, references, selectors, duplicates), or a tool's own agent file. */
export function lintAgent(rel: string, fm: Frontmatter, c: AgentContext, add: Add): void {
  if (fm.kind === 'invalid') return;
  const tool = toolNative(rel, fm);
  if (tool) return lintToolAgent(rel, tool, fm, add);
  if (fm.kind === 'none') {
    add({
      file: rel,
      line: 1,
      rule: 'agent/frontmatter-missing',
      field: 'schemaVersion',
      message: 'an agent file needs frontmatter (schemaVersion: 1, name)',
      fix: 'start the file with "---", "schemaVersion: 1", "name: <file name>", "---"',
    });
    return;
  }
  const src = fm.source;
  const parsed = agentFrontmatterSchema.safeParse(fm.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = issue.path as FieldPath;
      const key = String(p[0] ?? '');
      add({
        file: rel,
        ...src.at(p),
        rule: 'agent/field-invalid',
        field: fieldName(p) || '(frontmatter)',
        message: `field "${p.join('.') || '(frontmatter)'}": ${issue.message}`,
        fix: AGENT_FIXES[key] ?? `correct "${fieldName(p)}" (see assets/starter-library/agents/ for examples)`,
      });
    }
    return;
  }
  const a = parsed.data;
  const base = rel.replace(/^agents\//, '').replace(/\.md$/, '');
  const namePos = src.at(['name']);
  if (a.name !== base.split('/').pop())
    add({
      file: rel,
      ...namePos,
      rule: 'agent/name-mismatch',
      field: 'name',
      message: `name "${a.name}" does not match the file name "${base}"`,
      fix: `set name: ${base.split('/').pop()}, or rename the file`,
    });
  const dup = c.names.get(a.name);
  if (dup)
    add({
      file: rel,
      ...namePos,
      rule: 'agent/duplicate-name',
      field: 'name',
      message: `duplicate agent name "${a.name}" (also in ${dup})`,
      fix: 'give each agent its own name',
    });
  else c.names.set(a.name, rel);
  lintResources(rel, a.resources, src, c, add);
  lintSelectors(rel, a, src, c.catalog, add);
  a.mcpServers.forEach((s, i) => {
    if (!c.present.has(`mcp-servers/${s}.json`))
      add({
        file: rel,
        ...src.at(['mcpServers', i]),
        rule: 'agent/server-unknown',
        field: `mcpServers[${i}]`,
        message: `MCP server "${s}" has no definition (mcp-servers/${s}.json)`,
        fix: `add mcp-servers/${s}.json, or remove "${s}"`,
      });
  });
}
