import { lstatInRoot, toolRoot } from '../../../workspace/boundary';
import { join } from '../render-helpers';

/** Where an Antigravity install writes, per scope; `shown` is the same with `~` for messages. */
export interface AgyPaths {
  readonly rulesDir: string;
  readonly skillsDir: string;
  readonly workflowsDir: string;
  readonly mcp: string;
  readonly hooks: string;
  readonly shown: (p: string) => string;
  /** User scope: which global folder was chosen and why. */
  readonly note?: string;
}

/**
 * The global folders are unsure in the sources (TOOL-FORMATS.md, [AGY]): current docs name `~/.gemini/config/`
 * (mcp_config.json, hooks.json, skills), older builds `~/.gemini/antigravity/`. We look at the machine: when only one
 * of the two exists, everything goes there; otherwise MCP and hooks go to `~/.gemini/config/` and rules, skills and
 * workflows to `~/.gemini/antigravity/`.
 */
export function agyUserDirs(home: string): { config: string; rest: string; note: string } {
  const config = join(home, '.gemini', 'config');
  const agy = join(home, '.gemini', 'antigravity');
  const root = toolRoot(home);
  const hasConfig = lstatInRoot(root, config)?.isDirectory() ?? false;
  const hasAgy = lstatInRoot(root, agy)?.isDirectory() ?? false;
  if (hasConfig && !hasAgy)
    return { config, rest: config, note: 'only ~/.gemini/config/ exists on this machine: everything goes there' };
  if (hasAgy && !hasConfig)
    return {
      config: agy,
      rest: agy,
      note: 'only ~/.gemini/antigravity/ exists on this machine: everything goes there',
    };
  return {
    config,
    rest: agy,
    note:
      (hasAgy
        ? 'both ~/.gemini/config/ and ~/.gemini/antigravity/ exist'
        : 'neither ~/.gemini/config/ nor ~/.gemini/antigravity/ exists') +
      ': MCP and hooks go to ~/.gemini/config/, rules, skills and workflows to ~/.gemini/antigravity/',
  };
}

export function agyPaths(scope: 'user' | 'project', base: string, home: string): AgyPaths {
  const tilde = (p: string) => (p.startsWith(home + '/') || p === home ? '~' + p.slice(home.length) : p);
  if (scope === 'project') {
    const a = join(base, '.agents');
    return {
      rulesDir: join(a, 'rules'),
      skillsDir: join(a, 'skills'),
      workflowsDir: join(a, 'workflows'),
      mcp: join(a, 'mcp_config.json'),
      hooks: join(a, 'hooks.json'),
      shown: (p) => (p.startsWith(base + '/') ? p.slice(base.length + 1) : p),
    };
  }
  const d = agyUserDirs(home);
  return {
    rulesDir: join(d.rest, 'rules'),
    skillsDir: join(d.rest, 'skills'),
    workflowsDir: join(d.rest, 'global_workflows'),
    mcp: join(d.config, 'mcp_config.json'),
    hooks: join(d.config, 'hooks.json'),
    shown: tilde,
    note: d.note,
  };
}
