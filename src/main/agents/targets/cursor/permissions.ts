import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { RenderInput } from '../types';

const FIRST_WORD =
  "Cursor's Shell() permission matches only a command's first word, so it would cover every command starting " +
  'with that word; allow or deny the whole program in Cursor instead (Shell(<program>)) if that is what you want.';
const OTHER_TOOL = "Cursor's CLI permissions cover shell commands, reads and writes only (Shell, Read, Write).";
const NO_ASK = "Cursor's CLI has no ask list: it already asks before anything that permissions.allow does not cover.";
const USER_IGNORE =
  'Cursor reads .cursorignore from the project only; add the pattern under Cursor Settings > Indexing & Docs ' +
  '(global ignore), or install the agent at project scope (--scope project --project DIR).';

/** A Claude-syntax rule (`Bash(npm:*)`, `Read(./.env)`, `Edit`) in Cursor's CLI syntax, or why it has none. */
export function cursorPermission(rule: string): { value: string } | { skip: string } {
  const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(rule.trim());
  if (!m) return { skip: OTHER_TOOL };
  const tool = m[1]!;
  const arg = m[2]?.trim();
  if (tool === 'Bash') {
    const cmd = (arg ?? '')
      .replace(/:\*$/, '')
      .replace(/\s+\*$/, '')
      .trim();
    if (!cmd || /\s/.test(cmd) || cmd.includes('*')) return { skip: FIRST_WORD };
    return { value: `Shell(${cmd})` };
  }
  const path = arg ? arg.replace(/^\.\//, '') : '**';
  if (tool === 'Read') return { value: `Read(${path})` };
  if (tool === 'Edit' || tool === 'Write' || tool === 'MultiEdit') return { value: `Write(${path})` };
  return { skip: OTHER_TOOL };
}

/**
 * Permissions: allow/deny as single entries of `permissions.allow`/`permissions.deny` in the Cursor CLI's
 * `.cursor/cli.json` (user `~/.cursor/cli-config.json`); ignore patterns as our block in `.cursorignore`.
 */
export function permissionItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  const p = input.permissions;
  const user = input.scope === 'user';
  const file = join(base, '.cursor', user ? 'cli-config.json' : 'cli.json');
  const shown = user ? '~/.cursor/cli-config.json' : '.cursor/cli.json';
  const items: Desired[] = [];
  for (const list of ['allow', 'deny'] as const)
    for (const rule of p[list]) {
      const c = cursorPermission(rule);
      if ('skip' in c) rep.skipped('permissions', `${list} ${rule}`, c.skip);
      else {
        items.push({
          kind: 'json-item',
          path: file,
          parent: `permissions.${list}`,
          id: JSON.stringify(c.value),
          value: c.value,
        });
        rep.native('permissions', `${list} ${rule}`, `${shown} permissions.${list} ${c.value}`);
      }
    }
  for (const rule of p.ask) rep.skipped('permissions', `ask ${rule}`, NO_ASK);
  if (p.ignore.length) {
    if (user) for (const g of p.ignore) rep.skipped('permissions', `ignore ${g}`, USER_IGNORE);
    else {
      items.push({
        kind: 'text-block',
        path: join(base, '.cursorignore'),
        id: input.agent.name,
        body: p.ignore.join('\n'),
      });
      for (const g of p.ignore) rep.native('permissions', `ignore ${g}`, '.cursorignore');
    }
  }
  return items;
}
