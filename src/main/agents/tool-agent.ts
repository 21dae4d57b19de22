import { agentNameSchema, type Agent } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { parseFrontmatter } from '../library/frontmatter';
import { foldersImportedAs } from '../library/tool-folder-table';
import { folderPattern } from '../library/tool-folders';
import { libraryName } from './import/names';

/** Fields only a library agent profile has: a file with one of them is a library agent, schemaVersion or not. */
const LIBRARY_ONLY = ['resources', 'rules', 'commands', 'permissions', 'mcpServers', 'targets', 'settings'];

export type ToolFieldType = 'string' | 'strings' | 'list' | 'boolean' | 'number' | 'mapping';

/** The tools whose Markdown agent files the library reads as agents. */
export type AgentFileTool = 'claude-code' | 'copilot' | 'cursor' | 'kiro';

/** The frontmatter a tool reads from its own agent files, by field: only what the tool would refuse is checked. */
export const TOOL_AGENT_FIELDS: Record<AgentFileTool, Record<string, ToolFieldType>> = {
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
  'claude-code': {
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
  cursor: { name: 'string', description: 'string', model: 'string' },
  kiro: { name: 'string', description: 'string', tools: 'strings', model: 'string' },
};

export const TOOL_AGENT_LABEL: Record<AgentFileTool, string> = {
  copilot: 'GitHub Copilot custom agent',
  'claude-code': 'Claude Code subagent',
  cursor: 'Cursor subagent',
  kiro: 'Kiro agent',
};

/** The fields of each tool's agent file the agent model has as `settings.<tool>` keys (the rest: `frontmatter`). */
const MODELLED: Record<AgentFileTool, ReadonlyArray<string>> = {
  'claude-code': ['tools', 'model'],
  copilot: ['tools', 'model'],
  cursor: ['model'],
  kiro: ['tools', 'model'],
};

export function fitsToolField(v: unknown, t: ToolFieldType): boolean {
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
      return !!v && typeof v === 'object' && !Array.isArray(v);
  }
}

export const TOOL_FIELD_WANT: Record<ToolFieldType, string> = {
  string: 'a string',
  strings: 'a string or a list of strings',
  list: 'a list',
  boolean: 'true or false',
  number: 'a number',
  mapping: 'a mapping (key: value lines)',
};

/** A field's value for a message: JSON, at most 80 characters (never throws, whatever the YAML built). */
function shown(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = Array.isArray(v) ? 'a list' : typeof v;
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The Markdown agent folders of the tool-folder table, each with its tool. */
const AGENT_FOLDERS = foldersImportedAs('agent-md').map((f) => [folderPattern(f), f.tool as AgentFileTool] as const);

/** The tool whose agent folder a tool-folder path is in (`.claude/agents/x.md`...), for Markdown agents. */
function toolOfFolder(rel: string): AgentFileTool | undefined {
  return AGENT_FOLDERS.find(([re]) => re.test(rel))?.[1];
}

/** Whether a path is in one of the tools' Markdown agent folders (`.claude/agents/x.md`, `.github/agents/...`). */
export const isToolAgentPath = (rel: string): boolean => toolOfFolder(rel) !== undefined;

/**
 * Which tool's own agent file this is, when it is one: a file in a tool's agent folder, a Copilot `.agent.md` /
 * `.chatmode.md`, or a Claude Code subagent (name and description, no schemaVersion, none of a library agent's
 * fields). Those are the tool's format, not a library agent profile: they never need schemaVersion.
 */
export function toolAgentFormat(rel: string, data: Readonly<Record<string, unknown>>): AgentFileTool | undefined {
  if (Object.hasOwn(data, 'schemaVersion') || LIBRARY_ONLY.some((k) => Object.hasOwn(data, k))) return undefined;
  const folder = toolOfFolder(rel);
  if (folder) return folder;
  if (/\.(agent|chatmode)\.md$/i.test(rel)) return 'copilot';
  return typeof data.name === 'string' && typeof data.description === 'string' ? 'claude-code' : undefined;
}

/** The file's base name without the agent suffixes (`planner.agent.md` -> `planner`). */
export function agentFileBase(rel: string): string {
  return (rel.split('/').pop() ?? rel).replace(/\.(agent|chatmode)\.md$|\.md$/i, '');
}

/**
 * A tool's own Markdown agent file as an agent: name (the file's name when it has none; made a safe library name,
 * the original kept as the title), description, the body as the prompt, and the tool's fields under
 * `settings.<tool>` (tools and model as keys, the others under `frontmatter`) so they install back. Undefined when
 * the file is a library agent profile; INVALID_FILE naming the field when a field is one the tool would refuse.
 */
export function readToolAgent(text: string, where: { source: string; path: string }): Agent | undefined {
  const md = parseFrontmatter(text);
  const tool = toolAgentFormat(where.path, md.frontmatter);
  if (!tool) return undefined;
  const fm: Record<string, unknown> = { ...md.frontmatter };
  for (const [key, type] of Object.entries(TOOL_AGENT_FIELDS[tool])) {
    const v = fm[key];
    if (v === undefined || v === null || fitsToolField(v, type)) continue;
    throw new AppError(
      'INVALID_FILE',
      `${where.source}/${where.path}: field "${key}" must be ${TOOL_FIELD_WANT[type]} for a ` +
        `${TOOL_AGENT_LABEL[tool]}, not ${shown(v)}.`,
      `Write ${key} as ${TOOL_FIELD_WANT[type]} in the agent file.`,
      { field: key },
    );
  }
  const raw = (typeof fm.name === 'string' && fm.name.trim()) || agentFileBase(where.path);
  const name = agentNameSchema.safeParse(raw).success ? raw : libraryName(raw);
  const description = typeof fm.description === 'string' ? fm.description : '';
  delete fm.name;
  delete fm.description;
  const s: Record<string, unknown> = {};
  for (const k of MODELLED[tool]) {
    if (fm[k] !== undefined && fm[k] !== null) s[k] = fm[k];
    delete fm[k];
  }
  if (Object.keys(fm).length) s[tool === 'cursor' ? 'extra' : 'frontmatter'] = fm;
  return {
    schemaVersion: 1,
    name,
    ...(raw !== name ? { title: raw } : {}),
    description,
    tags: [],
    resources: [],
    rules: [],
    skills: [],
    commands: [],
    hooks: [],
    permissions: [],
    mcpServers: [],
    targets: [],
    settings: Object.keys(s).length ? { [tool]: s } : {},
    toolFormat: tool,
    prompt: md.body.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n',
    source: where.source,
    path: where.path,
  };
}
