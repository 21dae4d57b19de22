import { stringify as toYaml } from 'yaml';
import { HOOK_EVENTS, hookEntrySchema, type HookEntry, type HookEvent } from '../../../shared/content';
import { CLAUDE_EVENTS } from '../targets/claude-code/hooks';
import type { ConvertCtx } from './context';
import { obj, parseJsonc } from './jsonc';
import type { ImportInput } from './types';

const FROM_CLAUDE = new Map<string, HookEvent>(HOOK_EVENTS.map((e) => [CLAUDE_EVENTS[e], e]));
const TOOL_EVENTS: ReadonlySet<HookEvent> = new Set(['pre-tool', 'post-tool']);
const PERMISSION_LISTS = ['allow', 'ask', 'deny'] as const;

/** Claude Code's hook entries in the canonical model; entries that do not fit are reported and kept aside. */
function claudeHooks(
  ctx: ConvertCtx,
  from: string,
  hooks: Record<string, unknown>,
  aside: Record<string, unknown>,
): HookEntry[] {
  const out: HookEntry[] = [];
  for (const [event, groups] of Object.entries(hooks)) {
    const canonical = FROM_CLAUDE.get(event);
    for (const group of Array.isArray(groups) ? groups : []) {
      const g = obj(group);
      for (const h of Array.isArray(g.hooks) ? g.hooks : []) {
        const hook = obj(h);
        const entry = {
          event: canonical,
          ...(typeof g.matcher === 'string' && g.matcher ? { matcher: g.matcher } : {}),
          command: hook.command,
          ...(hook.timeout !== undefined ? { timeout: hook.timeout } : {}),
        };
        const ok = canonical && (hook.type ?? 'command') === 'command' ? hookEntrySchema.safeParse(entry) : undefined;
        if (ok?.success) {
          out.push(ok.data);
          if (ok.data.matcher && !TOOL_EVENTS.has(ok.data.event))
            ctx.warnings.push(
              `${from}: the ${event} hook "${ok.data.matcher}" matcher is kept in the library, but installs write a ` +
                'matcher for pre-tool and post-tool hooks only: this hook will run on every ' +
                `${event}.`,
            );
        } else {
          const list = (aside[event] ??= []) as unknown[];
          list.push({ ...g, hooks: [hook] });
          ctx.warnings.push(
            `${from}: the ${event} hook ${JSON.stringify(hook.command ?? hook.type ?? '')} is not a command hook AI Configurator models; ` +
              "it was kept under the imported agent's settings.claude-code.extra.hooks and is not installed.",
          );
        }
      }
    }
  }
  return out;
}

/**
 * `.claude/settings.json` (or `settings.local.json`): `hooks` as `hooks/<name>.yaml`, `permissions.allow/ask/deny`
 * as `permissions/<name>.yaml`; everything else under the tool's bundle agent `settings.claude-code.extra`.
 */
export function convertClaudeSettings(ctx: ConvertCtx, input: ImportInput, as: string): void {
  const parsed = parseJsonc(input.text);
  if ('error' in parsed) {
    ctx.skip(input.rel, `is not valid JSON (${parsed.error}): fix it and import again`);
    return;
  }
  const j = obj(parsed.value);
  const base = input.rel.endsWith('settings.local.json') ? 'claude-code-local' : 'claude-code';
  const bundle = () => ctx.bundle('claude-code', input.rel);
  const aside: Record<string, unknown> = {};
  const hooks = claudeHooks(ctx, input.rel, obj(j.hooks), aside);
  let made = false;
  if (hooks.length) {
    const { path, name } = ctx.claimPath(input.rel, 'hooks', base, '.yaml', 'claude-code');
    const text = toYaml({ schemaVersion: 1, description: `Hooks imported from ${input.rel}`, hooks }, { lineWidth: 0 });
    ctx.file(input.rel, 'hook', path, text);
    bundle().hooks.push(name);
    made = true;
  }
  const perms = obj(j.permissions);
  const lists = Object.fromEntries(
    PERMISSION_LISTS.map((k) => [
      k,
      Array.isArray(perms[k]) ? perms[k].filter((r): r is string => typeof r === 'string' && r !== '') : [],
    ]),
  );
  if (PERMISSION_LISTS.some((k) => lists[k]!.length)) {
    const { path, name } = ctx.claimPath(input.rel, 'permissions', base, '.yaml', 'claude-code');
    const file = { schemaVersion: 1, description: `Permissions imported from ${input.rel}`, ...lists };
    ctx.file(input.rel, 'permissions', path, toYaml(file, { lineWidth: 0 }));
    bundle().permissions.push(name);
    made = true;
  }
  const restPerms = Object.fromEntries(
    Object.entries(perms).filter(([k]) => !(PERMISSION_LISTS as readonly string[]).includes(k)),
  );
  const rest = Object.fromEntries(
    Object.entries(j).filter(([k]) => k !== 'hooks' && k !== 'permissions' && k !== '$schema'),
  );
  if (Object.keys(restPerms).length) rest.permissions = restPerms;
  if (Object.keys(aside).length) rest.hooks = aside;
  if (Object.keys(rest).length) {
    bundle();
    const extra = (ctx.bundleSettings['claude-code'] ??= {});
    Object.assign(extra, rest);
    ctx.warnings.push(
      `${input.rel}: ${Object.keys(rest).join(', ')} ${Object.keys(rest).length === 1 ? 'is' : 'are'} kept under the imported ` +
        "agent's settings.claude-code.extra (AI Configurator does not install them).",
    );
    made = true;
  }
  if (!made) {
    ctx.skip(input.rel, 'holds no hooks, permissions or settings');
    return;
  }
  ctx.recognise(input.rel, as);
}
