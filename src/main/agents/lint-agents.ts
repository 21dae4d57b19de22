import { agentFrontmatterSchema } from '../../shared/agents';
import { globToRegExp, isGlob } from './glob';
import { lintSelectors, type Catalog } from './lint-selectors';
import {
  fitsToolField,
  TOOL_AGENT_FIELDS,
  TOOL_AGENT_LABEL,
  TOOL_FIELD_WANT,
  toolAgentFormat,
  type AgentFileTool,
} from './tool-agent';
import { fieldName, type Add, type FieldPath, type Frontmatter, type YamlSource } from './lint-yaml';

const AGENT_FIXES: Record<string, string> = {
  schemaVersion: 'write schemaVersion: 1',
  name: 'use lower-case letters, digits, ".", "_" or "-", and the file name',
  mcpServers: 'list MCP server names (the file names in mcp-servers/ without .json)',
  targets: 'list entries like { tool: claude-code, scope: project }',
};

function lintToolAgent(rel: string, tool: AgentFileTool, fm: Frontmatter, add: Add): void {
  add({
    file: rel,
    line: 1,
    rule: 'agent/tool-native',
    message:
      `a ${TOOL_AGENT_LABEL[tool]} in the tool's own format: the library lists and installs it as an agent ` +
      `(name, description and prompt mapped; its other fields kept under settings.${tool})`,
    fix:
      'nothing; to edit it as a library agent profile (rules, skills, targets...), `ai-config import` it ' +
      '(it becomes agents/<name>.md with schemaVersion: 1)',
  });
  if (fm.kind !== 'ok') return;
  for (const [key, type] of Object.entries(TOOL_AGENT_FIELDS[tool])) {
    const v = fm.data[key];
    if (v === undefined || v === null || fitsToolField(v, type)) continue;
    add({
      file: rel,
      ...fm.source.at([key]),
      rule: 'agent/tool-field-invalid',
      field: key,
      message: `field "${key}" must be ${TOOL_FIELD_WANT[type]} for a ${TOOL_AGENT_LABEL[tool]}, not ${JSON.stringify(v)}`,
      fix: `write ${key} as ${TOOL_FIELD_WANT[type]}`,
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
  const tool = toolAgentFormat(rel, fm.kind === 'ok' ? fm.data : {});
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
