import { stringify as toYaml } from 'yaml';
import type { ConvertCtx } from './context';
import { notModelled } from './convert-mcp';
import { obj, parseJsonc } from './jsonc';
import type { ImportInput } from './types';

/** A Cursor CLI rule in Claude's syntax: `Shell(git)` -> `Bash(git:*)`, `Read(.env)` -> `Read(./.env)`. */
export function fromCursorRule(rule: string): string {
  const m = /^(Shell|Read|Write)\((.*)\)$/.exec(rule.trim());
  if (!m) return rule;
  const arg = m[2]!.trim();
  if (m[1] === 'Shell') return `Bash(${arg}:*)`;
  const tool = m[1] === 'Read' ? 'Read' : 'Edit';
  if (arg === '**' || arg === '') return tool;
  return `${tool}(${/^(\/|\.\/|\.\.\/|~|\*)/.test(arg) ? arg : `./${arg}`})`;
}

/** The Cursor CLI's `.cursor/cli.json` (or `cli-config.json`) `permissions.allow/deny` as `permissions/cursor.yaml`. */
export function convertCursorCli(ctx: ConvertCtx, input: ImportInput, as: string): void {
  const parsed = parseJsonc(input.text);
  if ('error' in parsed) {
    ctx.skip(input.rel, `is not valid JSON (${parsed.error}): fix it and import again`);
    return;
  }
  const j = obj(parsed.value);
  const p = obj(j.permissions);
  const list = (k: string) =>
    Array.isArray(p[k]) ? (p[k] as unknown[]).filter((r): r is string => typeof r === 'string' && r !== '') : [];
  const allow = list('allow').map(fromCursorRule);
  const deny = list('deny').map(fromCursorRule);
  const rest = Object.keys(j).filter((k) => k !== 'permissions' && k !== '$schema' && k !== 'version');
  if (rest.length) ctx.warnings.push(notModelled(input.rel, rest));
  if (!allow.length && !deny.length) {
    ctx.skip(input.rel, 'holds no permissions.allow or permissions.deny rules');
    return;
  }
  const { path, name } = ctx.claimPath(input.rel, 'permissions', 'cursor', '.yaml', 'cursor');
  const file = { schemaVersion: 1, description: `Permissions imported from ${input.rel}`, allow, deny };
  ctx.file(input.rel, 'permissions', path, toYaml(file, { lineWidth: 0 }));
  ctx.bundle('cursor', input.rel).permissions.push(name);
  ctx.recognise(input.rel, as);
}
