import path from 'node:path';
import { isInsideDir } from './resolve';
import { toolRoot, type FsRoot } from './root';

export interface ToolRootOptions {
  /** The project folder of a project-scope install: its files are resolved against it. */
  readonly project?: string;
  /** Links the user allowed (settings `filesystem.allowSymlinks`, `--follow-symlink`). */
  readonly allowSymlinks?: ReadonlyArray<string>;
}

/**
 * The root a tool file is resolved against. In the project folder (when given): the project. Otherwise the folder
 * above the path's first dot-folder (`~/.claude/agents/x.md` and `~/.aws/amazonq/...` -> $HOME, `/p/.cursor/...`
 * -> `/p`, so `.claude` and everything below it is checked), else the file's own folder (`/p/CLAUDE.md` -> `/p`).
 * The root itself may be a symlink (a project folder or $HOME reached through one); nothing below it may be.
 */
export function toolRootFor(file: string, opts: ToolRootOptions = {}): FsRoot {
  const abs = path.resolve(file);
  const allow = opts.allowSymlinks ?? [];
  if (opts.project && isInsideDir(opts.project, abs) && path.resolve(opts.project) !== abs)
    return toolRoot(opts.project, allow);
  const parts = abs.split(path.sep);
  const dot = parts.findIndex((p, i) => i > 0 && i < parts.length - 1 && p.startsWith('.'));
  const dir = dot > 0 ? parts.slice(0, dot).join(path.sep) || path.sep : path.dirname(abs);
  return toolRoot(dir, allow);
}

/** Folders only AI tools' config lives in (a component of every tool file path but the bare files below). */
const TOOL_DIRS: ReadonlySet<string> = new Set([
  '.amazonq',
  'amazonq',
  '.claude',
  '.codeium',
  '.codex',
  '.cursor',
  '.gemini',
  '.github',
  '.kiro',
  '.vscode',
  '.windsurf',
  'Claude',
  '.devin',
]);
/** Tool files that live directly in a project folder or $HOME. */
const TOOL_FILES: ReadonlySet<string> = new Set([
  '.claude.json',
  '.mcp.json',
  'AGENTS.md',
  'CLAUDE.md',
  'GEMINI.md',
  'claude_desktop_config.json',
]);

/**
 * Whether an absolute path is one an install could have written (a tool's folder or file), so a restore from
 * history or an imported backup never writes `~/.bashrc` or `~/.ssh/...` however the entry was named.
 */
export function isToolPath(file: string): boolean {
  const parts = path.resolve(file).split(path.sep);
  const base = parts[parts.length - 1] ?? '';
  return TOOL_FILES.has(base) || parts.slice(0, -1).some((p) => TOOL_DIRS.has(p));
}
