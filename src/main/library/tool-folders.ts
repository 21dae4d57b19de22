import type { EntryKind } from '../../shared/library';
import { TOOL_FOLDERS, type ToolFolder } from './tool-folder-table';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The paths (relative to a source root) a row of the tool-folder table holds. */
export const folderPattern = (f: ToolFolder): RegExp => new RegExp(`^${escape(f.dir)}/(?:${f.files})$`, 'i');

/**
 * The single tool files a source that is a project repository may keep content in (see TOOL-FORMATS.md), each
 * pattern with the kind its file is; the tool folders are in tool-folder-table.ts. Paths are relative to the
 * source root.
 */
const TOOL_FILE_PATHS: ReadonlyArray<readonly [RegExp, EntryKind]> = [
  [/^\.github\/copilot-instructions\.md$/i, 'knowledge'],
  [/^\.claude\/CLAUDE\.md$/i, 'knowledge'],
  // Hooks.
  [/^\.(cursor|codex|agents)\/hooks\.json$/i, 'hook'],
  // MCP server files (each may hold several servers).
  [/^\.mcp\.json$/i, 'mcp-server'],
  [/^\.(cursor|vscode)\/mcp\.json$/i, 'mcp-server'],
  [/^\.kiro\/settings\/mcp\.json$/i, 'mcp-server'],
  [/^\.agents\/mcp_config\.json$/i, 'mcp-server'],
];

/**
 * Each tool file or tool folder's files, with the kind they are. Only these dot folders are walked: every other
 * dot name (`.git`, `.syncthing.*`, `.DS_Store`, editor files) stays ignored.
 */
const TOOL_PATHS: ReadonlyArray<readonly [RegExp, EntryKind]> = [
  ...TOOL_FOLDERS.map((f) => [folderPattern(f), f.kind] as const),
  ...TOOL_FILE_PATHS,
];

/** The top-level dot folders that hold tool content: the only dot folders a walk enters. */
export const TOOL_DIRS: ReadonlySet<string> = new Set([...TOOL_FOLDERS.map((f) => f.dir.split('/')[0]!), '.vscode']);

/** The top-level dot files that are tool content. */
export const TOOL_FILES: ReadonlySet<string> = new Set(['.mcp.json']);

/** Whether a relative path lies in a tool folder (or is a top-level tool file): its first segment is a dot name. */
export function inToolArea(rel: string): boolean {
  return rel.startsWith('.');
}

/** The kind of a file in a tool folder, or undefined when that tool folder holds no such content. */
export function toolKindOf(rel: string): EntryKind | undefined {
  for (const [re, kind] of TOOL_PATHS) if (re.test(rel)) return kind;
  return undefined;
}

/**
 * Whether a tool-folder file is in the tool's own format rather than the library's (an agent profile, a hook
 * file, a permissions file): the tree and search show it with its kind, but installs do not read it as the
 * library's format. Rules, skills and Markdown commands are the same format in both and are selectable.
 */
export function isToolFormat(rel: string): boolean {
  if (!inToolArea(rel)) return false;
  const kind = toolKindOf(rel);
  if (kind === 'knowledge' || kind === 'skill') return false;
  return !(kind === 'command' && /\.md$/i.test(rel));
}

/**
 * A file inside a skill folder (the library's `skills/<name>/` or a tool's, from the table): scripts and assets go
 * with the skill when it installs, so the walk takes them rather than skip them.
 */
export const IN_SKILL = new RegExp(
  `^(?:(?:${TOOL_FOLDERS.filter((f) => f.kind === 'skill')
    .map((f) => escape(f.dir))
    .join('|')})|skills)/[^/]+/.`,
);
