import type { Desired } from '../../model';
import { LABEL, shown, type ClaudeContext } from './context';

const LISTS = ['allow', 'ask', 'deny'] as const;

/**
 * Permissions: one element of `permissions.allow` / `ask` / `deny` in the settings file per rule (they are already
 * in Claude Code's syntax). Ignore patterns have no file of their own in Claude Code: each becomes a
 * `permissions.deny` rule `Read(<pattern>)` (the fallback, reported).
 */
export function renderPermissions(c: ClaudeContext): Desired[] {
  const p = c.input.permissions;
  const where = shown(c, c.settingsFile);
  const lists: Record<(typeof LISTS)[number], string[]> = { allow: [...p.allow], ask: [...p.ask], deny: [...p.deny] };
  const fromIgnore = p.ignore.map((pattern) => `Read(${pattern})`);
  const items: Desired[] = [];
  for (const list of LISTS) {
    const rules = list === 'deny' ? [...lists.deny, ...fromIgnore] : lists[list];
    for (const rule of new Set(rules)) {
      const id = JSON.stringify(rule);
      items.push({ kind: 'json-item', path: c.settingsFile, parent: `permissions.${list}`, id, value: rule });
    }
  }
  const count = p.allow.length + p.ask.length + p.deny.length;
  if (count) c.reporter.native('permissions', 'permissions', `${count} rule(s) in ${where} permissions.allow/ask/deny`);
  if (fromIgnore.length) {
    const how = `the ignore patterns became permissions.deny rules ${fromIgnore.join(', ')} in ${where}`;
    c.reporter.report.push({ kind: 'permissions', name: 'ignore', outcome: 'fallback', detail: how });
    c.reporter.warn(`${LABEL} has no ignore file: ${how}.`);
  }
  return items;
}
