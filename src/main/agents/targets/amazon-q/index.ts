import { installIntoHint, Reporter } from '../formats/report';
import { baseDir } from '../render-helpers';
import type { Surface, Target } from '../types';
import { qAgent } from './agents';
import { qRules } from './rules';

/**
 * Amazon Q Developer CLI (legacy; superseded by Kiro CLI): one agent JSON valid against the published schema.
 *
 * - rules: copied into `.amazonq/rules/<slug>.md` and listed as relative `file://` resources; glob and
 *   agent-requested rules are loaded always with their note (fallback); manual rules skipped.
 * - hooks: agentSpawn <- session-start, userPromptSubmit <- prompt-submit (the schema's two); others skipped.
 * - permissions: bare allowed tools become `allowedTools`; the rest is reported (with the kiro install command).
 * - skills, commands: skipped, "the legacy Q CLI has no ...; install the agent into kiro (ai-config agent ...)".
 * - MCP: inline in the agent's `mcpServers`.
 */
const DOC = 'https://github.com/aws/amazon-q-developer-cli/blob/main/docs/agent-format.md';
const CHECKED = '2026-12-02';

function surfaces(): Surface[] {
  const out: Surface[] = [];
  for (const scope of ['project', 'user'] as const) {
    const root = scope === 'project' ? '.amazonq' : '~/.aws/amazonq';
    for (const [kind, path] of [
      ['agent', 'cli-agents/<name>.json'],
      ['rule', 'rules/<slug>.md'],
      ['hook', 'cli-agents/<name>.json hooks'],
      ['permissions', 'cli-agents/<name>.json allowedTools'],
      ['mcp-server', 'cli-agents/<name>.json mcpServers'],
    ] as const)
      out.push({ kind, scope, path: `${root}/${path}`, docUrl: DOC, checked: CHECKED });
  }
  return out;
}

export const amazonQ: Target = {
  id: 'amazon-q',
  label: 'Amazon Q Developer CLI',
  scopes: ['user', 'project'],
  surfaces: surfaces(),
  detect: { dirs: ['.aws/amazonq'], bins: ['q'] },
  formatVersion: 2,
  supersededBy: 'kiro',
  render(input) {
    const rep = new Reporter('Amazon Q Developer CLI');
    const base = baseDir(input);
    const rules = qRules(input, base, rep);
    const kiro = installIntoHint(input.agent.name, 'kiro');
    for (const s of input.skills) rep.skipped('skill', s.name, `the legacy Q CLI has no skills; ${kiro}.`);
    for (const c of input.commands) rep.skipped('command', c.name, `the legacy Q CLI has no custom commands; ${kiro}.`);
    const agent = qAgent(input, base, rules.resources, rep);
    return {
      items: [...(agent.item ? [agent.item] : []), ...rules.items],
      warnings: [...rep.warnings, ...agent.warnings],
      report: rep.report,
    };
  },
};
