import type { Reporter } from '../formats/report';
import type { PermissionSet } from '../types';

export interface KiroPermission {
  readonly capability: string;
  readonly effect: 'allow' | 'ask' | 'deny';
  readonly match?: string[];
}

/** Claude Code tool -> Kiro v3 permission capability. */
const CAPABILITY: Record<string, string> = {
  Bash: 'shell',
  Read: 'fs_read',
  Grep: 'fs_read',
  Glob: 'fs_read',
  Edit: 'fs_write',
  MultiEdit: 'fs_write',
  Write: 'fs_write',
};

/** One Claude rule (`Bash(npm test:*)`, `Read(./.env)`, `Read`) as a Kiro rule; undefined when it has no equivalent. */
export function kiroRule(rule: string, effect: KiroPermission['effect']): KiroPermission | undefined {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(rule);
  if (mcp) return { capability: 'mcp', effect, match: [`${mcp[1]}/${mcp[2]}`] };
  const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(rule);
  const capability = m && CAPABILITY[m[1]!];
  if (!m || !capability) return undefined;
  const arg = m[2]?.trim();
  if (!arg || arg === '*' || arg === '**') return { capability, effect };
  // Claude's `npm test:*` prefix form is Kiro's `npm test *` glob.
  const match = capability === 'shell' ? arg.replace(/:\*$/, ' *') : arg;
  return { capability, effect, match: [match] };
}

/**
 * The agent's v3 `permissions` list (capability, effect, match). `ignore` patterns become fs_read deny rules.
 * Rules with no Kiro capability (WebFetch, Task, ...) are left out with a warning.
 */
export function kiroPermissions(p: PermissionSet, rep: Reporter): KiroPermission[] | undefined {
  const out: KiroPermission[] = [];
  const dropped: string[] = [];
  for (const effect of ['deny', 'ask', 'allow'] as const)
    for (const r of p[effect]) {
      const k = kiroRule(r, effect);
      if (k) out.push(k);
      else dropped.push(`${effect} ${r}`);
    }
  if (p.ignore.length) out.push({ capability: 'fs_read', effect: 'deny', match: [...p.ignore] });
  const total = p.allow.length + p.ask.length + p.deny.length + p.ignore.length;
  if (!total) return undefined;
  if (!out.length) {
    rep.skipped('permissions', 'permissions', `none of its rules has a Kiro capability (${dropped.join('; ')}).`);
    return undefined;
  }
  rep.native('permissions', 'permissions', `agent permissions (${out.length} rules)`);
  if (dropped.length)
    rep.warn(`Kiro: these permission rules have no Kiro capability and were left out: ${dropped.join('; ')}.`);
  return out;
}
