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
