import { stringify as toYaml } from 'yaml';
import { GEMINI_TOOLS } from '../targets/gemini/tools';
import type { ConvertCtx } from './context';
import { notModelled } from './convert-mcp';
import { obj } from './jsonc';

const FROM_GEMINI = new Map<string, string>();
for (const [ours, theirs] of Object.entries(GEMINI_TOOLS)) if (!FROM_GEMINI.has(theirs)) FROM_GEMINI.set(theirs, ours);

const LISTS = [
  ['allow', 'allowed'],
  ['ask', 'confirmationRequired'],
  ['deny', 'exclude'],
] as const;

/** Gemini's tool rule in Claude's syntax: `run_shell_command(git status)` -> `Bash(git status:*)`. */
export function fromGeminiRule(rule: string): string {
  const m = /^([A-Za-z_]+)(?:\((.*)\))?$/.exec(rule.trim());
  const ours = m ? FROM_GEMINI.get(m[1]!) : undefined;
  if (!m || !ours) return rule;
  if (m[2] === undefined || m[2] === '') return ours;
  return ours === 'Bash' ? `Bash(${m[2]}:*)` : rule;
}

/** `tools.allowed` / `confirmationRequired` / `exclude` of Gemini's settings.json as `permissions/gemini.yaml`. */
export function geminiPermissions(ctx: ConvertCtx, from: string, settings: Record<string, unknown>): boolean {
  const tools = obj(settings.tools);
  const other = Object.keys(tools).filter((k) => !LISTS.some(([, theirs]) => theirs === k));
  if (other.length)
    ctx.warnings.push(
      notModelled(
        from,
        other.map((k) => `tools.${k}`),
      ),
    );
  const lists = Object.fromEntries(
    LISTS.map(([ours, theirs]) => {
      const v = tools[theirs];
      return [
        ours,
        Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string' && r !== '').map(fromGeminiRule) : [],
      ];
    }),
  );
  if (!LISTS.some(([k]) => lists[k]!.length)) return false;
  const { path, name } = ctx.claimPath(from, 'permissions', 'gemini', '.yaml', 'gemini');
  const file = { schemaVersion: 1, description: `Permissions imported from ${from}`, ...lists };
  ctx.file(from, 'permissions', path, toYaml(file, { lineWidth: 0 }));
  ctx.bundle('gemini', from).permissions.push(name);
  return true;
}
