import type { ToolId } from '../../shared/agents';
import type { EntryKind } from '../../shared/library';

/** A rule file's dialect: which frontmatter fields say when it loads. */
export type RuleDialect = 'cursor' | 'claude' | 'copilot' | 'windsurf' | 'kiro' | 'plain';
/** A command file's format: Markdown with frontmatter, or Gemini's TOML. */
export type CommandFormat = 'md' | 'toml';

/** How the import reads a tool folder's files (undefined on a row: only content rules find them). */
export type FolderImport =
  | { readonly as: 'rule'; readonly dialect: RuleDialect }
  | { readonly as: 'command'; readonly format: CommandFormat }
  | { readonly as: 'agent-md' }
  | { readonly as: 'agent-json' }
  | { readonly as: 'hooks' }
  | { readonly as: 'skill' };

/** One tool folder: where a tool keeps one kind of content, for both the library walk and the import. */
export interface ToolFolder {
  /** The folder, relative to a project root ("/" separators). */
  readonly dir: string;
  /** Which files under it (a regex source, relative to `dir`, anchored at both ends). */
  readonly files: string;
  readonly tool: ToolId;
  /** The kind the library walk gives its files. */
  readonly kind: EntryKind;
  /** How the import reads them. */
  readonly import?: FolderImport;
  /** What the import calls one such file. */
  readonly label: string;
}

const MD = '.+\\.md';
const SKILL_FILES = '[^/]+/.+\\.(md|markdown|json|ya?ml|txt|toml)';
const rule = (dialect: RuleDialect): FolderImport => ({ as: 'rule', dialect });
const command = (format: CommandFormat): FolderImport => ({ as: 'command', format });
const skill = (dir: string, tool: ToolId, label: string): ToolFolder => ({
  dir,
  files: SKILL_FILES,
  tool,
  kind: 'skill',
  import: { as: 'skill' },
  label,
});

/**
 * The one list of tool folders (see TOOL-FORMATS.md). The walk, the index, the tree and the lint (tool-folders.ts)
 * and the import's path rules (detect.ts, convert-skills.ts) are all derived from it. Order matters to the
 * import only among rows of one kind (the first folder a path is under wins).
 */
export const TOOL_FOLDERS: ReadonlyArray<ToolFolder> = [
  // Rules (knowledge).
  {
    dir: '.cursor/rules',
    files: '.+\\.mdc?',
    tool: 'cursor',
    kind: 'knowledge',
    import: rule('cursor'),
    label: 'Cursor rule',
  },
  {
    dir: '.claude/rules',
    files: MD,
    tool: 'claude-code',
    kind: 'knowledge',
    import: rule('claude'),
    label: 'Claude Code rule',
  },
  {
    dir: '.github/instructions',
    files: '.+\\.instructions\\.md',
    tool: 'copilot',
    kind: 'knowledge',
    import: rule('copilot'),
    label: 'Copilot instructions',
  },
  {
    dir: '.windsurf/rules',
    files: MD,
    tool: 'windsurf',
    kind: 'knowledge',
    import: rule('windsurf'),
    label: 'Windsurf rule',
  },
  { dir: '.devin/rules', files: MD, tool: 'devin', kind: 'knowledge', import: rule('windsurf'), label: 'Devin rule' },
  {
    dir: '.agents/rules',
    files: MD,
    tool: 'antigravity',
    kind: 'knowledge',
    import: rule('windsurf'),
    label: 'Antigravity rule',
  },
  { dir: '.kiro/steering', files: MD, tool: 'kiro', kind: 'knowledge', import: rule('kiro'), label: 'Kiro steering' },
  {
    dir: '.amazonq/rules',
    files: MD,
    tool: 'amazon-q',
    kind: 'knowledge',
    import: rule('plain'),
    label: 'Amazon Q rule',
  },
  { dir: '.gemini/rules', files: MD, tool: 'gemini', kind: 'knowledge', import: rule('plain'), label: 'Gemini rule' },
  // Commands, prompts and workflows.
  {
    dir: '.claude/commands',
    files: MD,
    tool: 'claude-code',
    kind: 'command',
    import: command('md'),
    label: 'Claude Code command',
  },
  {
    dir: '.gemini/commands',
    files: '.+\\.toml',
    tool: 'gemini',
    kind: 'command',
    import: command('toml'),
    label: 'Gemini command',
  },
  {
    dir: '.github/prompts',
    files: '.+\\.prompt\\.md',
    tool: 'copilot',
    kind: 'command',
    import: command('md'),
    label: 'Copilot prompt file',
  },
  {
    dir: '.cursor/commands',
    files: MD,
    tool: 'cursor',
    kind: 'command',
    import: command('md'),
    label: 'Cursor command',
  },
  { dir: '.codex/prompts', files: MD, tool: 'codex', kind: 'command', import: command('md'), label: 'Codex prompt' },
  { dir: '.kiro/prompts', files: MD, tool: 'kiro', kind: 'command', import: command('md'), label: 'Kiro prompt' },
  {
    dir: '.windsurf/workflows',
    files: MD,
    tool: 'windsurf',
    kind: 'command',
    import: command('md'),
    label: 'Windsurf workflow',
  },
  {
    dir: '.devin/workflows',
    files: MD,
    tool: 'devin',
    kind: 'command',
    import: command('md'),
    label: 'Devin workflow',
  },
  {
    dir: '.agents/workflows',
    files: MD,
    tool: 'antigravity',
    kind: 'command',
    import: command('md'),
    label: 'Antigravity workflow',
  },
  // Agents (the tools' own formats).
  {
    dir: '.claude/agents',
    files: MD,
    tool: 'claude-code',
    kind: 'agent',
    import: { as: 'agent-md' },
    label: 'Claude Code subagent',
  },
  {
    dir: '.cursor/agents',
    files: MD,
    tool: 'cursor',
    kind: 'agent',
    import: { as: 'agent-md' },
    label: 'Cursor subagent',
  },
  {
    dir: '.github/agents',
    files: '.+\\.agent\\.md',
    tool: 'copilot',
    kind: 'agent',
    import: { as: 'agent-md' },
    label: 'Copilot custom agent',
  },
  {
    dir: '.github/chatmodes',
    files: '.+\\.chatmode\\.md',
    tool: 'copilot',
    kind: 'agent',
    import: { as: 'agent-md' },
    label: 'Copilot chat mode',
  },
  {
    dir: '.kiro/agents',
    files: '[^/]+\\.md',
    tool: 'kiro',
    kind: 'agent',
    import: { as: 'agent-md' },
    label: 'Kiro agent (Markdown)',
  },
  {
    dir: '.kiro/agents',
    files: '[^/]+\\.json',
    tool: 'kiro',
    kind: 'agent',
    import: { as: 'agent-json' },
    label: 'Kiro agent',
  },
  {
    dir: '.amazonq/cli-agents',
    files: '[^/]+\\.json',
    tool: 'amazon-q',
    kind: 'agent',
    import: { as: 'agent-json' },
    label: 'Amazon Q agent',
  },
  // Codex subagents: the import has no reader for them yet.
  { dir: '.codex/agents', files: '[^/]+\\.toml', tool: 'codex', kind: 'agent', label: 'Codex subagent' },
  // Hooks (folders of hook files; the single hooks.json files are listed in tool-folders.ts and detect.ts).
  {
    dir: '.github/hooks',
    files: '[^/]+\\.json',
    tool: 'copilot',
    kind: 'hook',
    import: { as: 'hooks' },
    label: 'Copilot hooks',
  },
  // Kiro hooks: the import has no reader for them yet.
  { dir: '.kiro/hooks', files: '[^/]+\\.json', tool: 'kiro', kind: 'hook', label: 'Kiro hook' },
  // Skills: every file of the skill's folder.
  skill('.claude/skills', 'claude-code', 'Claude Code skill'),
  skill('.github/skills', 'copilot', 'Copilot skill'),
  skill('.copilot/skills', 'copilot', 'Copilot CLI skill'),
  skill('.cursor/skills', 'cursor', 'Cursor skill'),
  skill('.kiro/skills', 'kiro', 'Kiro skill'),
  skill('.gemini/skills', 'gemini', 'Gemini skill'),
  skill('.devin/skills', 'devin', 'Devin skill'),
  skill('.codex/skills', 'codex', 'Codex skill'),
  skill('.agents/skills', 'codex', 'Agent skill'),
];

/** The rows the import reads as `as`, in table order. */
export function foldersImportedAs<A extends FolderImport['as']>(
  as: A,
): ReadonlyArray<ToolFolder & { readonly import: Extract<FolderImport, { as: A }> }> {
  return TOOL_FOLDERS.filter(
    (f): f is ToolFolder & { readonly import: Extract<FolderImport, { as: A }> } => f.import?.as === as,
  );
}
