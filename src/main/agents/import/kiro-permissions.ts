import { stringify as toYaml } from 'yaml';
import type { ConvertCtx } from './context';
import { obj } from './jsonc';

const RULE_TOOL: Readonly<Record<string, string>> = { shell: 'Bash', fs_read: 'Read', fs_write: 'Edit' };
const EFFECTS = ['allow', 'ask', 'deny'] as const;

/** One Kiro v3 permission (`{capability, effect, match}`) as Claude-syntax rules; undefined when it has none. */
function rules(p: Record<string, unknown>): string[] | undefined {
  const cap = typeof p.capability === 'string' ? p.capability : '';
  const match = Array.isArray(p.match) ? p.match.filter((m): m is string => typeof m === 'string' && m !== '') : [];
  if (cap === 'mcp') return match.length ? match.map((m) => `mcp__${m.replace('/', '__')}`) : undefined;
  const tool = RULE_TOOL[cap];
  if (!tool) return undefined;
  if (!match.length) return [tool];
  return match.map((m) => `${tool}(${cap === 'shell' ? m.replace(/ \*$/, ':*') : m})`);
}

/**
 * A Kiro agent's v3 `permissions` as `permissions/<agent>.yaml` (allow/ask/deny in Claude's syntax), the name
 * returned for the agent's `permissions`; entries with no equivalent stay in the agent's settings (warned).
 */
export function kiroAgentPermissions(
  ctx: ConvertCtx,
  from: string,
  agent: string,
  v: unknown,
  aside: unknown[],
): string[] {
  if (!Array.isArray(v) || !v.length) return [];
  const lists: Record<(typeof EFFECTS)[number], string[]> = { allow: [], ask: [], deny: [] };
  for (const entry of v) {
    const p = obj(entry);
    const effect = EFFECTS.find((e) => e === p.effect);
    const r = effect ? rules(p) : undefined;
    if (effect && r) lists[effect].push(...r.filter((x) => !lists[effect].includes(x)));
    else {
      aside.push(entry);
      ctx.warnings.push(
        `${from}: the permission ${JSON.stringify(entry)} of the agent "${agent}" has no equivalent in the ` +
          'library; it was kept under its settings.kiro.unmappedPermissions and is not installed.',
      );
    }
  }
  if (!EFFECTS.some((e) => lists[e].length)) return [];
  const { path, name } = ctx.claimPath(from, 'permissions', agent, '.yaml', 'kiro');
  const file = { schemaVersion: 1, description: `Permissions of the Kiro agent ${agent}`, ...lists };
  ctx.file(from, 'permissions', path, toYaml(file, { lineWidth: 0 }));
  return [name];
}
