import { Reporter } from '../formats/report';
import { baseDir } from '../render-helpers';
import type { RenderInput, Surface, Target } from '../types';
import { agentItems } from './agents';
import { commandItems } from './commands';
import { hookItems } from './hooks';
import { mcpItems } from './mcp';
import { OwnedNames } from './names';
import { ruleItems } from './rules';
import { copilotSkillItems } from './skills';

/**
 * GitHub Copilot (VS Code, cloud agent, CLI), per TOOL-FORMATS.md "GitHub Copilot" (checked 2026-12-02):
 * - agent: a custom agent `.github/agents/<name>.agent.md` (user: the CLI's `~/.copilot/agents/`), frontmatter
 *   name, description, tools (settings.copilot.tools), model. An agent with `settings.copilot.applyTo` (what the
 *   importer writes for an instructions file) is rendered as today's `.github/instructions/<agent>.instructions.md`
 *   holding its always-on rules, so imported instructions round-trip; see agents.ts.
 * - rules: `.github/instructions/<slug>.instructions.md` (always: applyTo '**'; glob: the globs joined with ',';
 *   agent-requested: description and no applyTo, which Copilot reads on demand). Fallbacks: manual -> a prompt
 *   file; user scope -> a section of `~/.copilot/copilot-instructions.md` (glob rules folded with their note),
 *   agent-requested -> a skill, manual -> skipped.
 * - commands: prompt files `.github/prompts/<name>.prompt.md` (`${input:args}`); user scope -> skills (fallback).
 * - skills: `.agents/skills/<name>/` (shared folder), user `~/.copilot/skills/<name>/`.
 * - hooks: `.github/hooks/<agent>.json` (whole file); no matcher in Copilot: dropped with a warning. User: skipped.
 * - permissions: skipped (Copilot has no permission or ignore file we can write).
 * - MCP: `.vscode/mcp.json` `servers` (project), the CLI's `~/.copilot/mcp-config.json` `mcpServers` (user).
 */
const CHECKED = '2026-12-02';
const VSC = 'https://code.visualstudio.com/docs/copilot/customization';
const GH = 'https://docs.github.com/en/copilot';
const s = (kind: Surface['kind'], scope: Surface['scope'], path: string, docUrl: string, note?: string): Surface => ({
  kind,
  scope,
  path,
  docUrl,
  checked: CHECKED,
  ...(note ? { note } : {}),
});

const NO_PERMISSIONS =
  'Copilot has no permission or ignore file to write: set tool approvals in VS Code (chat.tools.autoApprove) or ' +
  "with the Copilot CLI's --allow-tool/--deny-tool, and content exclusion in the repository's Copilot settings.";

function permissions(input: RenderInput, rep: Reporter): void {
  const p = input.permissions;
  for (const list of ['allow', 'ask', 'deny', 'ignore'] as const)
    for (const rule of p[list]) rep.skipped('permissions', `${list} ${rule}`, NO_PERMISSIONS);
}

export const copilot: Target = {
  id: 'copilot',
  label: 'GitHub Copilot',
  scopes: ['user', 'project'],
  surfaces: [
    s('agent', 'project', '.github/agents/<name>.agent.md', `${VSC}/custom-agents`),
    s('agent', 'user', '~/.copilot/agents/<name>.agent.md', `${GH}/how-tos/use-copilot-agents/use-copilot-cli`),
    s('rule', 'project', '.github/instructions/<slug>.instructions.md', `${VSC}/custom-instructions`),
    s('rule', 'user', '~/.copilot/copilot-instructions.md', `${GH}/how-tos/use-copilot-agents/use-copilot-cli`),
    s('command', 'project', '.github/prompts/<name>.prompt.md', `${VSC}/prompt-files`),
    s('skill', 'project', '.agents/skills/<name>/SKILL.md', `${VSC}/agent-skills`, 'shared with Codex, Cursor'),
    s('skill', 'user', '~/.copilot/skills/<name>/SKILL.md', `${VSC}/agent-skills`),
    s('hook', 'project', '.github/hooks/<agent>.json', `${GH}/reference/hooks-configuration`),
    s('mcp-server', 'project', '.vscode/mcp.json', 'https://code.visualstudio.com/docs/copilot/chat/mcp-servers'),
    s('mcp-server', 'user', '~/.copilot/mcp-config.json', `${GH}/how-tos/use-copilot-agents/use-copilot-cli`),
  ],
  detect: { dirs: ['.copilot', '.vscode'], bins: ['copilot', 'code'] },
  formatVersion: 2,
  render(input) {
    const base = baseDir(input);
    const rep = new Reporter('GitHub Copilot');
    // Prompt files hold commands and manual rules; skills hold skills and their fallbacks: one name map each.
    const prompts = new OwnedNames('prompt file');
    const skills = new OwnedNames('skill');
    const items = [
      ...agentItems(input, base, rep),
      ...ruleItems(input, base, prompts, skills, rep),
      ...copilotSkillItems(input, base, skills, rep),
      ...commandItems(input, base, prompts, skills, rep),
      ...hookItems(input, base, rep),
    ];
    permissions(input, rep);
    const mcp = mcpItems(input, base, rep);
    return { items: [...items, ...mcp.items], warnings: [...rep.warnings, ...mcp.warnings], report: rep.report };
  },
};
