import { jsonFile } from '../render-helpers';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join, PROMPTLESS_NOTE, promptless, stringListSetting, stringSetting, toolSettings } from '../render-helpers';
import type { RenderInput } from '../types';
import { kiroHooks } from './hooks';
import { agentServers } from './mcp';
import { kiroPermissions } from './permissions';

/** Agent-format keys an agent may set through `settings.kiro` (kept as written). */
const PASSTHROUGH = ['toolAliases', 'toolsSettings', 'excludedTools', 'welcomeMessage', 'keyboardShortcut'] as const;

/**
 * The custom agent `.kiro/agents/<name>.json` (v3 fields), with the agent's own MCP servers in its `mcpServers` (as
 * a Kiro agent carries them) and `includeMcpJson: true` (the shared mcp.json servers too). Undefined for a promptless
 * agent that holds nothing only an agent file can: its servers then go to the shared mcp.json.
 */
export function agentFile(
  input: RenderInput,
  kiroDir: string,
  resources: ReadonlyArray<string>,
  rep: Reporter,
): { item?: Desired; warnings: string[] } {
  const a = input.agent;
  const s = toolSettings(input, 'kiro');
  const file = join(kiroDir, 'agents', `${a.name}.json`);
  const hooks = kiroHooks(input.hooks, rep);
  const permissions = kiroPermissions(input.permissions, rep);
  const allowed = stringListSetting(s, 'allowedTools');
  // Hooks an imported agent carried (`settings.kiro.hooks`), under the library's for the same event.
  const settingsHooks =
    typeof s.hooks === 'object' && s.hooks !== null && !Array.isArray(s.hooks)
      ? (s.hooks as Record<string, unknown>)
      : undefined;
  // A promptless agent (a bundle) gets no agent file unless it holds what has no other home (hooks, permissions, its
  // own Kiro settings): its steering files, skills and MCP servers are read by Kiro without an agent.
  if (promptless(input) && !hooks && !settingsHooks && !permissions && !Object.keys(s).length) {
    rep.native('agent', a.name, PROMPTLESS_NOTE);
    return { warnings: [] };
  }
  const where = input.scope === 'project' ? `.kiro/agents/${a.name}.json` : file;
  const servers = agentServers(input, file, where, rep);
  const json: Record<string, unknown> = {
    name: a.name,
    description: a.description || null,
    prompt: a.prompt.replace(/\s+$/, ''),
    ...(input.mcpServers.length ? { mcpServers: servers.value } : {}),
    includeMcpJson: true,
    tools: stringListSetting(s, 'tools') ?? ['*'],
    ...(allowed ? { allowedTools: [...new Set(allowed)] } : {}),
    resources: [...resources],
    ...(hooks || settingsHooks ? { hooks: { ...settingsHooks, ...hooks } } : {}),
    ...(permissions ? { permissions } : {}),
    ...(stringSetting(s, 'model') ? { model: stringSetting(s, 'model') } : {}),
  };
  for (const k of PASSTHROUGH) if (s[k] !== undefined) json[k] = s[k];
  const extra = s.extra;
  if (typeof extra === 'object' && extra !== null && !Array.isArray(extra)) Object.assign(json, extra);
  rep.native('agent', a.name, where);
  return { item: jsonFile(file, json), warnings: servers.warnings };
}
