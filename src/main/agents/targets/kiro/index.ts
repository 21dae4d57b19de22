import { Reporter } from '../formats/report';
import { baseDir, join } from '../render-helpers';
import type { Surface, Target } from '../types';
import { agentFile } from './agents';
import { commands } from './commands';
import { mcp } from './mcp';
import { steering } from './rules';
import { skills } from './skills';

/**
 * Kiro (IDE and CLI v3; the Amazon Q Developer CLI became Kiro CLI).
 *
 * - agent: `.kiro/agents/<name>.json` with the prompt inline, `resources` (always-on steering files as `file://`,
 *   skills as `skill://`, relative at project scope), agent `hooks` and v3 `permissions`; `includeMcpJson: true`.
 * - rules: steering files with their native inclusion mode (always, fileMatch, auto, manual): no fallback needed.
 *   User scope: global fileMatch steering does not fire (kirodotdev/Kiro#9176): warned.
 * - skills: `.kiro/skills/<name>/`; commands: prompt files `.kiro/prompts/<name>.md`.
 * - hooks: agentSpawn, userPromptSubmit, preToolUse/postToolUse (matcher mapped to Kiro tool names), stop; other
 *   events skipped with the reason.
 * - permissions: v3 `permissions` rules (capability shell/fs_read/fs_write/mcp); rules without a capability dropped
 *   with a warning.
 * - MCP: the agent's servers in its agent file's `mcpServers` (a bundle without an agent file: the shared
 *   `.kiro/settings/mcp.json`), with `disabled`/`autoApprove`/`disabledTools`/`timeout`; `${VAR}` kept (Kiro
 *   expands it).
 */
const DOC = 'https://kiro.dev/docs/cli/custom-agents/configuration-reference/';
const CHECKED = '2026-12-02';

function surfaces(): Surface[] {
  const out: Surface[] = [];
  for (const scope of ['project', 'user'] as const) {
    const root = scope === 'project' ? '.kiro' : '~/.kiro';
    const s = (kind: Surface['kind'], path: string, docUrl: string, note?: string): Surface => ({
      kind,
      scope,
      path: `${root}/${path}`,
      docUrl,
      checked: CHECKED,
      ...(note ? { note } : {}),
    });
    out.push(
      s('agent', 'agents/<name>.json', DOC, 'MCP servers via includeMcpJson: true (not inlined)'),
      s(
        'rule',
        'steering/<slug>.md',
        'https://kiro.dev/docs/steering/',
        scope === 'user' ? 'global fileMatch steering does not fire (kirodotdev/Kiro#9176)' : undefined,
      ),
      s('skill', 'skills/<name>/SKILL.md', 'https://kiro.dev/docs/cli/skills/'),
      s('command', 'prompts/<name>.md', DOC, '$ARGUMENTS is not substituted in file prompts: written as prose'),
      s('hook', 'agents/<name>.json hooks', 'https://kiro.dev/docs/cli/hooks/'),
      s('permissions', 'agents/<name>.json permissions', 'https://kiro.dev/docs/cli/v3/permissions/'),
      s('mcp-server', 'settings/mcp.json', 'https://kiro.dev/docs/mcp/'),
    );
  }
  return out;
}

export const kiro: Target = {
  id: 'kiro',
  label: 'Kiro',
  scopes: ['user', 'project'],
  surfaces: surfaces(),
  detect: { dirs: ['.kiro'], bins: ['kiro', 'kiro-cli'] },
  formatVersion: 2,
  render(input) {
    const rep = new Reporter('Kiro');
    const kiroDir = join(baseDir(input), '.kiro');
    const rules = steering(input, kiroDir, rep);
    const sk = skills(input, kiroDir, rep);
    const cmds = commands(input, kiroDir, rep);
    const agent = agentFile(input, kiroDir, [...rules.resources, ...sk.resources], rep);
    // The agent's servers are in its agent file; a bundle without one puts them in the shared mcp.json.
    const servers = agent.item ? { items: [], warnings: agent.warnings } : mcp(input, kiroDir, rep);
    return {
      items: [...(agent.item ? [agent.item] : []), ...rules.items, ...sk.items, ...cmds, ...servers.items],
      warnings: [...rep.warnings, ...servers.warnings],
      report: rep.report,
    };
  },
};
