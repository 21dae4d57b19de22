import { Reporter } from '../formats/report';
import { baseDir } from '../render-helpers';
import type { Surface, Target } from '../types';
import { agentItems } from './agents';
import { commandItems } from './commands';
import { hookItems } from './hooks';
import { mcpItems } from './mcp';
import { permissionItems } from './permissions';
import { ruleItems } from './rules';
import { cursorSkillItems } from './skills';

/**
 * Cursor, per TOOL-FORMATS.md "Cursor" (checked 2026-12-02):
 * - agent: a subagent `.cursor/agents/<name>.md` (name, description, model from settings.cursor.model). An agent
 *   with Cursor rule settings (`globs`, `alwaysApply`, `frontmatter`: what the importer writes for a
 *   `.cursor/rules/*.mdc` file) is rendered as today's rule `.cursor/rules/<agent>.mdc` instead, so imported rules
 *   round-trip and keep their meaning; see agents.ts.
 * - rules: one `.cursor/rules/<slug>.mdc` each (always: alwaysApply; glob: globs as a comma string; agent-requested:
 *   description only; manual: neither). User scope: Cursor keeps user rules in its settings: skipped.
 * - skills: `.agents/skills/<name>/` (shared folder) or `~/.cursor/skills/<name>/`; commands `.cursor/commands/`.
 * - hooks: entries of `.cursor/hooks.json` (pre-tool Bash -> beforeShellExecution, pre-tool MCP ->
 *   beforeMCPExecution, post-tool Edit|Write -> afterFileEdit, prompt-submit -> beforeSubmitPrompt, stop -> stop);
 *   other events and matchers are skipped with the reason.
 * - permissions: allow/deny in the CLI's `.cursor/cli.json` (`~/.cursor/cli-config.json`) where Cursor's syntax
 *   says the same thing (Shell(<first word>), Read(...), Write(...)), else skipped; ask is skipped (Cursor asks by
 *   default); ignore patterns as our block in `.cursorignore` (project only).
 * - MCP: `.cursor/mcp.json` / `~/.cursor/mcp.json`, `${env:VAR}`.
 * Fallbacks: none needed beyond skips; Cursor has every kind natively at project scope.
 */
const DOCS = 'https://cursor.com/docs';
const CHECKED = '2026-12-02';
const s = (kind: Surface['kind'], scope: Surface['scope'], path: string, doc: string, note?: string): Surface => ({
  kind,
  scope,
  path,
  docUrl: `${DOCS}/${doc}`,
  checked: CHECKED,
  ...(note ? { note } : {}),
});

export const cursor: Target = {
  id: 'cursor',
  label: 'Cursor',
  scopes: ['user', 'project'],
  surfaces: [
    s('agent', 'project', '.cursor/agents/<name>.md', 'agent/subagents'),
    s('agent', 'user', '~/.cursor/agents/<name>.md', 'agent/subagents'),
    s('rule', 'project', '.cursor/rules/<slug>.mdc', 'context/rules'),
    s(
      'skill',
      'project',
      '.agents/skills/<name>/SKILL.md',
      'context/skills',
      'shared with Codex, Copilot, Antigravity',
    ),
    s('skill', 'user', '~/.cursor/skills/<name>/SKILL.md', 'context/skills'),
    s('command', 'project', '.cursor/commands/<name>.md', 'agent/chat/commands'),
    s('command', 'user', '~/.cursor/commands/<name>.md', 'agent/chat/commands'),
    s('hook', 'project', '.cursor/hooks.json', 'agent/hooks'),
    s('hook', 'user', '~/.cursor/hooks.json', 'agent/hooks'),
    s('permissions', 'project', '.cursor/cli.json', 'cli/reference/permissions'),
    s('permissions', 'project', '.cursorignore', 'context/ignore-files'),
    s('permissions', 'user', '~/.cursor/cli-config.json', 'cli/reference/permissions'),
    s('mcp-server', 'project', '.cursor/mcp.json', 'context/mcp'),
    s('mcp-server', 'user', '~/.cursor/mcp.json', 'context/mcp'),
  ],
  detect: { dirs: ['.cursor'], bins: ['cursor', 'cursor-agent'] },
  formatVersion: 2,
  render(input) {
    const base = baseDir(input);
    const rep = new Reporter('Cursor');
    const items = [
      ...agentItems(input, base, rep),
      ...ruleItems(input, base, rep),
      ...cursorSkillItems(input, base, rep),
      ...commandItems(input, base, rep),
      ...hookItems(input, base, rep),
      ...permissionItems(input, base, rep),
    ];
    const mcp = mcpItems(input, base, rep);
    return { items: [...items, ...mcp.items], warnings: [...rep.warnings, ...mcp.warnings], report: rep.report };
  },
};
