import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import type { PermissionSet } from '../types';

/** One Claude rule as Devin's (`Exec(npm test)`, `Read(src/**)`, `Write(**)`, `mcp__server__tool`), if it has one. */
export function devinRule(rule: string): string | undefined {
  if (rule.startsWith('mcp__')) return rule;
  const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(rule);
  if (!m) return undefined;
  const arg = m[2]?.trim();
  switch (m[1]) {
    case 'Bash':
      // Devin's Exec(prefix) matches a command prefix: Claude's `npm test:*`.
      return arg && arg !== '*' ? `Exec(${arg.replace(/:\*$/, '').replace(/\s*\*$/, '')})` : undefined;
    case 'Read':
    case 'Grep':
    case 'Glob':
      return `Read(${arg || '**'})`;
    case 'Edit':
    case 'MultiEdit':
    case 'Write':
      return `Write(${arg || '**'})`;
    default:
      return undefined;
  }
}

/** allow/ask/deny as `json-item`s of `permissions.<effect>` in Devin's config.json; ignore -> deny `Read(...)`. */
export function devinPermissions(p: PermissionSet, file: string, shown: string, rep: Reporter): Desired[] {
  const items: Desired[] = [];
  const dropped: string[] = [];
  const add = (effect: string, value: string) =>
    items.push({ kind: 'json-item', path: file, parent: `permissions.${effect}`, id: JSON.stringify(value), value });
  for (const effect of ['allow', 'ask', 'deny'] as const)
    for (const r of p[effect]) {
      const d = devinRule(r);
      if (d) add(effect, d);
      else dropped.push(`${effect} ${r}`);
    }
  for (const g of p.ignore) add('deny', `Read(${g})`);
  if (!p.allow.length && !p.ask.length && !p.deny.length && !p.ignore.length) return items;
  if (!items.length) rep.skipped('permissions', 'permissions', `no rule has a Devin form (${dropped.join('; ')}).`);
  else rep.native('permissions', 'permissions', `${shown} permissions (${items.length} rules)`);
  if (items.length && dropped.length)
    rep.warn(`Devin Desktop: these permission rules have no Devin form and were left out: ${dropped.join('; ')}.`);
  return items;
}
