import type { ToolId } from '../../../shared/agents';
import { foldersImportedAs, TOOL_FOLDERS, type CommandFormat, type RuleDialect } from '../../library/tool-folder-table';
import { baseOf } from './names';

export type { CommandFormat, RuleDialect } from '../../library/tool-folder-table';

/** What an existing tool file is, judged by its path and its content. */
export type Detected =
  | { readonly kind: 'memory'; readonly tool: ToolId; readonly as: string }
  | { readonly kind: 'rule'; readonly tool: ToolId; readonly dialect: RuleDialect; readonly as: string }
  | { readonly kind: 'command'; readonly tool: ToolId; readonly format: CommandFormat; readonly as: string }
  | { readonly kind: 'agent-md'; readonly tool: ToolId; readonly as: string }
  | { readonly kind: 'agent-json'; readonly tool: 'amazon-q' | 'kiro'; readonly as: string }
  | { readonly kind: 'settings'; readonly tool: 'claude-code' | 'gemini' | 'codex'; readonly as: string }
  | { readonly kind: 'hooks'; readonly tool: 'cursor' | 'copilot'; readonly as: string }
  | { readonly kind: 'ignore'; readonly tool: ToolId; readonly as: string }
  | { readonly kind: 'cursor-cli'; readonly as: string }
  | { readonly kind: 'mcp'; readonly tool: ToolId; readonly as: string }
  | { readonly kind: 'codex-toml'; readonly as: string };

const MEMORY: ReadonlyArray<[string, ToolId, string]> = [
  ['CLAUDE.md', 'claude-code', 'Claude Code memory (CLAUDE.md)'],
  ['CLAUDE.local.md', 'claude-code', 'Claude Code memory (CLAUDE.local.md)'],
  ['AGENTS.md', 'codex', 'AGENTS.md instructions'],
  ['AGENTS.override.md', 'codex', 'Codex instructions (AGENTS.override.md)'],
  ['GEMINI.md', 'gemini', 'Gemini memory (GEMINI.md)'],
  ['copilot-instructions.md', 'copilot', 'Copilot repository instructions'],
  ['global_rules.md', 'windsurf', 'Windsurf global rules'],
];

/** Files a tool does not read, in gitignore syntax: the library's `permissions` `ignore`. */
const IGNORE_FILES: ReadonlyArray<[string, ToolId, string]> = [
  ['.cursorignore', 'cursor', 'Cursor ignore file'],
  ['.geminiignore', 'gemini', 'Gemini ignore file'],
  ['.aiexclude', 'gemini', 'Gemini Code Assist exclude file'],
  ['.codeiumignore', 'windsurf', 'Windsurf ignore file'],
];

/** The ignore files' names, for the walk (they have no extension to be found by). */
export const IGNORE_FILE_NAMES: ReadonlyArray<string> = IGNORE_FILES.map(([b]) => b);

/** [folder, tool, dialect, what it is] for Markdown rules found under a folder (from tool-folder-table.ts). */
const RULE_DIRS: ReadonlyArray<[string, ToolId, RuleDialect, string]> = foldersImportedAs('rule').map((f) => [
  f.dir,
  f.tool,
  f.import.dialect,
  f.label,
]);

const COMMAND_DIRS: ReadonlyArray<[string, ToolId, CommandFormat, string]> = foldersImportedAs('command').map((f) => [
  f.dir,
  f.tool,
  f.import.format,
  f.label,
]);

const AGENT_DIRS: ReadonlyArray<[string, ToolId, string]> = foldersImportedAs('agent-md').map((f) => [
  f.dir,
  f.tool,
  f.label,
]);

const AGENT_JSON_DIRS: ReadonlyArray<[string, ToolId, string]> = foldersImportedAs('agent-json').map((f) => [
  f.dir,
  f.tool,
  f.label,
]);

const HOOK_DIRS: ReadonlyArray<[string, ToolId, string]> = foldersImportedAs('hooks').map((f) => [
  f.dir,
  f.tool,
  f.label,
]);

/** [path test, tool, what it is] for MCP configs found by name or folder. */
const MCP_PATHS: ReadonlyArray<[(rel: string, base: string) => boolean, ToolId, string]> = [
  [(_r, b) => b === 'claude_desktop_config.json', 'claude-desktop', 'Claude Desktop MCP config'],
  [(r) => r.includes('.codeium/windsurf/') || r.startsWith('.codeium/windsurf'), 'windsurf', 'Windsurf MCP config'],
  [(r, b) => b === 'mcp_config.json' && under(r, '.devin'), 'devin', 'Devin MCP config'],
  [(r, b) => b === 'config.json' && under(r, '.devin'), 'devin', 'Devin config'],
  [(r, b) => b === 'mcp_config.json' && under(r, '.agents'), 'antigravity', 'Antigravity MCP config'],
  [(_r, b) => b === 'mcp_config.json', 'windsurf', 'Windsurf MCP config'],
  [(_r, b) => b === '.mcp.json' || b === '.claude.json', 'claude-code', 'Claude Code MCP config'],
  [(r) => under(r, '.gemini'), 'gemini', 'Gemini settings'],
  [(r) => under(r, '.kiro/settings'), 'kiro', 'Kiro MCP config'],
  [(r) => under(r, '.amazonq'), 'amazon-q', 'Amazon Q MCP config'],
  [(r) => under(r, '.vscode'), 'copilot', 'VS Code MCP config'],
  [(r) => under(r, '.copilot'), 'copilot', 'Copilot CLI MCP config'],
  [(r) => under(r, '.cursor'), 'cursor', 'Cursor MCP config'],
  [(r) => under(r, '.zed'), 'claude-code', 'Zed context servers'],
  [(_r, b) => b === 'mcp.json', 'cursor', 'Cursor MCP config'],
];

/** True when `rel` is inside folder `dir` (at any depth of the import). */
function under(rel: string, dir: string): boolean {
  return rel.startsWith(`${dir}/`) || rel.includes(`/${dir}/`);
}

function inside<T extends ReadonlyArray<unknown>>(rel: string, table: ReadonlyArray<T>): T | undefined {
  return table.find((row) => under(rel, row[0] as string));
}

/** The server map keys a JSON config of any name may hold. */
export const SERVER_KEYS = /"(mcpServers|servers|context_servers|mcp_servers)"\s*:/;
const FENCED_MCP = /```(?:json|jsonc|json5)?[^\n]*\n[\s\S]*?"mcpServers"\s*:/;

/** Classifies one file (path relative to the import root, "/" separators). Undefined: not a tool config we know. */
export function detectFile(rel: string, text: string): Detected | undefined {
  const base = baseOf(rel);
  const memory = MEMORY.find(([b]) => b === base);
  if (memory) return { kind: 'memory', tool: memory[1], as: memory[2] };
  const ignore = IGNORE_FILES.find(([b]) => b === base);
  if (ignore) return { kind: 'ignore', tool: ignore[1], as: ignore[2] };
  if (base === '.cursorrules')
    return { kind: 'rule', tool: 'cursor', dialect: 'plain', as: 'Cursor rules (legacy .cursorrules)' };
  if (base === '.windsurfrules')
    return { kind: 'rule', tool: 'windsurf', dialect: 'plain', as: 'Windsurf rules (legacy .windsurfrules)' };
  if (/\.(md|mdc|markdown)$/i.test(base)) return detectMarkdown(rel, base, text);
  if (/\.toml$/i.test(base)) {
    const cmd = inside(rel, COMMAND_DIRS);
    if (cmd) return { kind: 'command', tool: cmd[1], format: cmd[2], as: cmd[3] };
    if (/^\s*\[mcp_servers\./m.test(text)) return { kind: 'codex-toml', as: 'Codex config (mcp_servers)' };
    if (/^\s*prompt\s*=/m.test(text)) return { kind: 'command', tool: 'gemini', format: 'toml', as: 'Gemini command' };
    return undefined;
  }
  if (!/\.(json|jsonc|json5)$/i.test(base)) return undefined;
  if (under(rel, 'cli-agents')) return { kind: 'agent-json', tool: 'amazon-q', as: 'Amazon Q agent' };
  const agentJson = inside(rel, AGENT_JSON_DIRS);
  if (agentJson && (agentJson[1] === 'kiro' || agentJson[1] === 'amazon-q'))
    return { kind: 'agent-json', tool: agentJson[1], as: agentJson[2] };
  if (/^settings(\.local)?\.json$/.test(base) && under(rel, '.claude'))
    return { kind: 'settings', tool: 'claude-code', as: 'Claude Code settings' };
  if (base === 'settings.json' && under(rel, '.gemini'))
    return { kind: 'settings', tool: 'gemini', as: 'Gemini settings' };
  if ((base === 'cli.json' || base === 'cli-config.json') && under(rel, '.cursor'))
    return { kind: 'cursor-cli', as: 'Cursor CLI permissions' };
  if (base === 'hooks.json' && under(rel, '.cursor')) return { kind: 'hooks', tool: 'cursor', as: 'Cursor hooks' };
  const hooks = inside(rel, HOOK_DIRS);
  if (hooks && (hooks[1] === 'cursor' || hooks[1] === 'copilot'))
    return { kind: 'hooks', tool: hooks[1], as: hooks[2] };
  if (base === 'hooks.json' && under(rel, '.codex')) return { kind: 'settings', tool: 'codex', as: 'Codex hooks' };
  if (SERVER_KEYS.test(text) || bareServer(text)) {
    const hit = MCP_PATHS.find(([test]) => test(rel, base));
    if (hit) return { kind: 'mcp', tool: hit[1], as: hit[2] };
    const vscode = /"servers"\s*:/.test(text) && !/"mcpServers"\s*:/.test(text);
    return {
      kind: 'mcp',
      tool: vscode ? 'copilot' : 'claude-code',
      as: vscode ? 'MCP servers (VS Code form)' : 'MCP servers',
    };
  }
  // A dropped agent JSON: has a prompt or tools next to a name.
  if (/"name"\s*:/.test(text) && /"(prompt|tools|allowedTools)"\s*:/.test(text)) {
    const kiro = /"(includeMcpJson|welcomeMessage)"\s*:/.test(text);
    return { kind: 'agent-json', tool: kiro ? 'kiro' : 'amazon-q', as: kiro ? 'Kiro agent' : 'Amazon Q agent' };
  }
  return undefined;
}

/** One server entry on its own (a catalogue's `{ "command": ..., "args": [...] }`). */
function bareServer(text: string): boolean {
  return (
    /^\s*\{[\s\S]*"(command|url|serverUrl|httpUrl)"\s*:\s*"/.test(text) &&
    /"(args|env|headers|type|transport)"\s*:/.test(text)
  );
}

function detectMarkdown(rel: string, base: string, text: string): Detected | undefined {
  const agent = inside(rel, AGENT_DIRS);
  if (agent && /\.md$/i.test(base)) return { kind: 'agent-md', tool: agent[1], as: agent[2] };
  if (/\.agent\.md$/i.test(base)) return { kind: 'agent-md', tool: 'copilot', as: 'Copilot custom agent' };
  if (/\.chatmode\.md$/i.test(base)) return { kind: 'agent-md', tool: 'copilot', as: 'Copilot chat mode' };
  if (/\.prompt\.md$/i.test(base)) return { kind: 'command', tool: 'copilot', format: 'md', as: 'Copilot prompt file' };
  if (/\.instructions\.md$/i.test(base))
    return { kind: 'rule', tool: 'copilot', dialect: 'copilot', as: 'Copilot instructions' };
  const cmd = inside(rel, COMMAND_DIRS);
  if (cmd && cmd[2] === 'md') return { kind: 'command', tool: cmd[1], format: 'md', as: cmd[3] };
  const rule = inside(rel, RULE_DIRS);
  if (rule) return { kind: 'rule', tool: rule[1], dialect: rule[2], as: rule[3] };
  if (/\.mdc$/i.test(base)) return { kind: 'rule', tool: 'cursor', dialect: 'cursor', as: 'Cursor rule' };
  return detectByContent(text);
}

/** A Markdown file outside its tool's folder (dropped, or in a collection): judged by its frontmatter fields. */
function detectByContent(text: string): Detected | undefined {
  const head = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const has = (k: string) => head !== undefined && new RegExp(`^${k}[ \\t]*:`, 'm').test(head);
  if (head !== undefined) {
    if (has('alwaysApply') || (has('globs') && !has('trigger')))
      return { kind: 'rule', tool: 'cursor', dialect: 'cursor', as: 'Cursor rule' };
    if (has('trigger')) return { kind: 'rule', tool: 'windsurf', dialect: 'windsurf', as: 'Windsurf rule' };
    if (has('applyTo')) return { kind: 'rule', tool: 'copilot', dialect: 'copilot', as: 'Copilot instructions' };
    if (has('inclusion')) return { kind: 'rule', tool: 'kiro', dialect: 'kiro', as: 'Kiro steering' };
    if (has('paths')) return { kind: 'rule', tool: 'claude-code', dialect: 'claude', as: 'Claude Code rule' };
    if (has('argument-hint')) return { kind: 'command', tool: 'claude-code', format: 'md', as: 'Claude Code command' };
    if (has('name') && has('description')) return { kind: 'agent-md', tool: 'claude-code', as: 'Claude Code subagent' };
  }
  if (FENCED_MCP.test(text)) return { kind: 'mcp', tool: 'claude-code', as: 'MCP servers in a Markdown code block' };
  return undefined;
}

/**
 * Folders a home-folder import looks into (besides its root), with everything below them: every tool folder of
 * the table, and the MCP and memory folders that only a home folder has.
 */
export const IMPORT_DIRS: ReadonlyArray<string> = [
  ...new Set([
    ...TOOL_FOLDERS.map((f) => f.dir),
    '.claude',
    '.cursor',
    '.github',
    '.vscode',
    '.gemini',
    '.codex',
    '.copilot',
    '.kiro/settings',
    '.aws/amazonq/cli-agents',
    '.codeium/windsurf',
    '.config/Claude',
    'Library/Application Support/Claude',
  ]),
];
