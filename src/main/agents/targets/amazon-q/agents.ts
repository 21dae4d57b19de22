import { VarResolver } from '../../vars';
import { jsonFile } from '../render-helpers';
import type { Desired } from '../../model';
import { installIntoHint, type Reporter } from '../formats/report';
import {
  join,
  mcpEntry,
  PROMPTLESS_NOTE,
  promptless,
  stringListSetting,
  stringSetting,
  toolSettings,
} from '../render-helpers';
import type { HookContent, RenderInput } from '../types';

const SCHEMA_URL = 'https://raw.githubusercontent.com/aws/amazon-q-developer-cli/refs/heads/main/schemas/agent-v1.json';

/** Keys of the published schema an agent may set through `settings.amazon-q` (kept as written). */
const PASSTHROUGH = ['toolAliases', 'toolsSettings', 'useLegacyMcpJson'] as const;

/** The legacy Q CLI's hook events (the schema's `hooks` has these two only). */
const Q_EVENTS: Partial<Record<HookContent['event'], 'agentSpawn' | 'userPromptSubmit'>> = {
  'session-start': 'agentSpawn',
  'prompt-submit': 'userPromptSubmit',
};

/** Claude tool names -> the Q CLI's, for `allowedTools` (a bare tool name only: Q cannot scope by argument). */
const Q_TOOLS: Record<string, string> = { Bash: 'execute_bash', Read: 'fs_read', Edit: 'fs_write', Write: 'fs_write' };

/**
 * `.amazonq/cli-agents/<name>.json` (`~/.aws/amazonq/cli-agents/` at user scope), valid against the published
 * schema: the prompt inline, MCP servers inline (the Q CLI has no shared file we own), resources relative.
 */
export function qAgent(
  input: RenderInput,
  base: string,
  resources: ReadonlyArray<string>,
  rep: Reporter,
): { item: Desired | undefined; warnings: string[] } {
  const a = input.agent;
  const s = toolSettings(input, 'amazon-q');
  const dir =
    input.scope === 'user' ? join(base, '.aws', 'amazonq', 'cli-agents') : join(base, '.amazonq', 'cli-agents');
  const file = join(dir, `${a.name}.json`);
  const r = new VarResolver(input.vars, {}, file);
  const where = input.scope === 'project' ? `.amazonq/cli-agents/${a.name}.json` : file;
  const kiro = installIntoHint(a.name, 'kiro');
  // The published schema requires `command` on every server, HTTP ones included; it is ignored for HTTP.
  const mcpServers = Object.fromEntries(
    input.mcpServers.map((srv) => [
      srv.name,
      srv.transport === 'http' ? { type: 'http', command: '', ...mcpEntry(srv, r) } : mcpEntry(srv, r),
    ]),
  );
  for (const srv of input.mcpServers) rep.native('mcp-server', srv.name, `${where} mcpServers`);

  const hooks: Record<string, { command: string }[]> = {};
  for (const h of input.hooks) {
    const ev = Q_EVENTS[h.event];
    if (!ev) {
      rep.skipped('hook', h.name, `the legacy Q CLI has no ${h.event} hooks; ${kiro}.`);
      continue;
    }
    (hooks[ev] ??= []).push({ command: h.command });
    rep.native('hook', h.name, `${where} hooks.${ev}`);
  }

  const allowed = new Set(stringListSetting(s, 'allowedTools') ?? []);
  const p = input.permissions;
  const permCount = p.allow.length + p.ask.length + p.deny.length + p.ignore.length;
  if (permCount) {
    const mapped = p.allow.filter((x) => Q_TOOLS[x]).map((x) => Q_TOOLS[x]!);
    for (const t of mapped) allowed.add(t);
    const rest = [
      ...p.allow.filter((x) => !Q_TOOLS[x]).map((x) => `allow ${x}`),
      ...p.ask.map((x) => `ask ${x}`),
      ...p.deny.map((x) => `deny ${x}`),
      ...p.ignore.map((x) => `ignore ${x}`),
    ];
    if (!mapped.length)
      rep.skipped('permissions', 'permissions', `the legacy Q CLI has no permission rules like these; ${kiro}.`);
    else
      rep.fallback(
        'permissions',
        'permissions',
        `allowed tools ${mapped.join(', ')} became allowedTools` +
          (rest.length ? `; the legacy Q CLI has no rules like ${rest.join(', ')}: ${kiro}` : ''),
      );
  }

  const passthrough = Object.fromEntries(PASSTHROUGH.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
  const settingsHooks = typeof s.hooks === 'object' && s.hooks !== null ? (s.hooks as Record<string, unknown>) : {};
  const allHooks = { ...settingsHooks, ...hooks };
  // A promptless agent (a bundle) gets no agent file when it would carry nothing: the agent file is the legacy Q CLI's
  // only way to load the rules, servers and hooks it selects, so with any of those it is written.
  const empty = !input.mcpServers.length && !Object.keys(allHooks).length && !resources.length && !allowed.size;
  if (promptless(input) && empty && !Object.keys(s).length) {
    rep.native('agent', a.name, PROMPTLESS_NOTE);
    return { item: undefined, warnings: [...r.warnings] };
  }
  const json = {
    $schema: SCHEMA_URL,
    name: a.name,
    description: a.description || null,
    prompt: a.prompt.replace(/\s+$/, ''),
    mcpServers,
    tools: stringListSetting(s, 'tools') ?? ['*'],
    ...(allowed.size ? { allowedTools: [...allowed] } : {}),
    resources: [...resources],
    ...(Object.keys(allHooks).length ? { hooks: allHooks } : {}),
    ...(stringSetting(s, 'model') ? { model: stringSetting(s, 'model') } : {}),
    ...passthrough,
  };
  rep.native('agent', a.name, where);
  return { item: jsonFile(file, json), warnings: [...r.warnings] };
}
