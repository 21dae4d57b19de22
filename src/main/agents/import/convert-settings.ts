import { stringify as toYaml } from 'yaml';
import type { ToolId } from '../../../shared/agents';
import { hookEntrySchema, type HookEntry, type HookEvent } from '../../../shared/content';
import { convertMcpJson, notModelled, serverMaps } from './convert-mcp';
import { geminiPermissions } from './gemini-permissions';
import { CLAUDE_HOOKS, CODEX_HOOKS, GEMINI_HOOKS, type HookDialect } from './hook-dialects';
import type { ConvertCtx } from './context';
import { obj, parseJsonc } from './jsonc';
import type { ImportInput } from './types';

const TOOL_EVENTS: ReadonlySet<HookEvent> = new Set(['pre-tool', 'post-tool']);
const PERMISSION_LISTS = ['allow', 'ask', 'deny'] as const;

/** A tool's hook entries in the canonical model; entries that do not fit are reported and kept aside. */
function hookEntries(
  ctx: ConvertCtx,
  from: string,
  hooks: Record<string, unknown>,
  d: HookDialect,
  aside: Record<string, unknown>,
): HookEntry[] {
  const out: HookEntry[] = [];
  for (const [event, groups] of Object.entries(hooks)) {
    const canonical = d.events.get(event);
    for (const group of Array.isArray(groups) ? groups : []) {
      const g = obj(group);
      for (const h of Array.isArray(g.hooks) ? g.hooks : []) {
        const hook = obj(h);
        const entry = {
          event: canonical,
          ...(typeof g.matcher === 'string' && g.matcher ? { matcher: d.matcher(g.matcher) } : {}),
          command: hook.command,
          ...(typeof hook.timeout === 'number'
            ? { timeout: Math.max(1, Math.round(hook.timeout * d.timeoutUnit)) }
            : {}),
        };
        const ok = canonical && (hook.type ?? 'command') === 'command' ? hookEntrySchema.safeParse(entry) : undefined;
        if (ok?.success) {
          out.push(ok.data);
          if (ok.data.matcher && !TOOL_EVENTS.has(ok.data.event))
            ctx.warnings.push(
              `${from}: the ${event} hook "${ok.data.matcher}" matcher is kept in the library, but installs write a ` +
                `matcher for pre-tool and post-tool hooks only: this hook will run on every ${event}.`,
            );
        } else {
          const list = (aside[event] ??= []) as unknown[];
          list.push({ ...g, hooks: [hook] });
          ctx.warnings.push(
            `${from}: the ${event} hook ${JSON.stringify(hook.command ?? hook.type ?? '')} is not a command hook ` +
              `AI Configurator models; it was kept under the imported agent's settings.${d.tool}.extra.hooks and is ` +
              'not installed.',
          );
        }
      }
    }
  }
  return out;
}

/** Hook entries as `hooks/<base>.yaml`, selected by the tool's bundle agent. */
export function writeHooks(ctx: ConvertCtx, from: string, base: string, hooks: HookEntry[], tool: ToolId): boolean {
  if (!hooks.length) return false;
  const { path, name } = ctx.claimPath(from, 'hooks', base, '.yaml', tool);
  const text = toYaml({ schemaVersion: 1, description: `Hooks imported from ${from}`, hooks }, { lineWidth: 0 });
  ctx.file(from, 'hook', path, text);
  ctx.bundle(tool, from).hooks.push(name);
  return true;
}

/** Codex's `.codex/hooks.json` and the `hooks` of Gemini's settings.json (its MCP servers are read beside). */
export function convertHooksJson(ctx: ConvertCtx, input: ImportInput, tool: 'codex' | 'gemini', as: string): void {
  const parsed = parseJsonc(input.text);
  if ('error' in parsed) {
    ctx.skip(input.rel, `is not valid JSON (${parsed.error}): fix it and import again`);
    return;
  }
  const j = obj(parsed.value);
  const d = tool === 'codex' ? CODEX_HOOKS : GEMINI_HOOKS;
  const aside: Record<string, unknown> = {};
  const made = writeHooks(ctx, input.rel, tool, hookEntries(ctx, input.rel, obj(j.hooks), d, aside), tool);
  if (Object.keys(aside).length) {
    ctx.bundle(tool, input.rel);
    Object.assign((ctx.bundleSettings[tool] ??= {}), { hooks: aside });
  }
  const perms = tool === 'gemini' && geminiPermissions(ctx, input.rel, j);
  const servers = tool === 'gemini' && serverMaps(j).length > 0;
  if (servers) convertMcpJson(ctx, input, tool, as, false);
  const rest = Object.keys(j).filter(
    (k) => !['hooks', 'mcpServers', '$schema', ...(perms ? ['tools'] : [])].includes(k),
  );
  if (rest.length) ctx.warnings.push(notModelled(input.rel, rest));
  if (made || perms || servers || Object.keys(aside).length) ctx.recognise(input.rel, as);
  else ctx.skip(input.rel, 'holds no hooks or MCP servers');
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
  let made = writeHooks(
    ctx,
    input.rel,
    base,
    hookEntries(ctx, input.rel, obj(j.hooks), CLAUDE_HOOKS, aside),
    'claude-code',
  );
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

/** An ignore file (`.cursorignore`, `.geminiignore`, ...) as `permissions/<tool>-ignore.yaml` `ignore` patterns. */
export function convertIgnoreFile(ctx: ConvertCtx, input: ImportInput, tool: ToolId, as: string): void {
  const ignore = input.text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (!ignore.length) {
    ctx.skip(input.rel, 'holds no patterns');
    return;
  }
  const { path, name } = ctx.claimPath(input.rel, 'permissions', `${tool}-ignore`, '.yaml', tool);
  const file = {
    schemaVersion: 1,
    description: `Files to ignore, imported from ${input.rel}`,
    ignore: [...new Set(ignore)],
  };
  ctx.file(input.rel, 'permissions', path, toYaml(file, { lineWidth: 0 }));
  ctx.bundle(tool, input.rel).permissions.push(name);
  ctx.recognise(input.rel, as);
}
