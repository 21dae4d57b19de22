import path from 'node:path';
import { NameMap } from '../formats/names';
import { Reporter } from '../formats/report';
import { baseDir } from '../render-helpers';
import type { RenderInput } from '../types';

export const LABEL = 'Claude Code';

/** What every Claude Code surface file needs: the folder it writes into, the reporter and the shared name maps. */
export interface ClaudeContext {
  readonly input: RenderInput;
  /** Home (user scope) or the project. */
  readonly base: string;
  /** `.claude` under base. */
  readonly dir: string;
  /** `settings.json` that holds hooks and permissions. */
  readonly settingsFile: string;
  readonly reporter: Reporter;
  /** Library skill names (rules rendered as skills are checked against them in rules.ts). */
  readonly skillNames: NameMap;
  /** Library command names. */
  readonly commandNames: NameMap;
}

export function claudeContext(input: RenderInput): ClaudeContext {
  const base = baseDir(input);
  const dir = path.join(base, '.claude');
  return {
    input,
    base,
    dir,
    settingsFile: path.join(dir, 'settings.json'),
    reporter: new Reporter(LABEL),
    skillNames: new NameMap('skill', LABEL),
    commandNames: new NameMap('command', LABEL),
  };
}

/** A written path as the report shows it: relative to the project, or `~/…` at user scope. */
export function shown(c: ClaudeContext, abs: string): string {
  const rel = path.relative(c.base, abs).split(path.sep).join('/');
  return c.input.scope === 'user' ? `~/${rel}` : rel;
}
