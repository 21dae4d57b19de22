import { PROMPTLESS_NOTE, promptless } from '../render-helpers';
import type { Target } from '../types';
import { renderSubagent } from './agents';
import { renderCommands } from './commands';
import { claudeContext, LABEL } from './context';
import { renderHooks } from './hooks';
import { renderMcp } from './mcp';
import { renderMemory } from './memory';
import { renderPermissions } from './permissions';
import { renderRules } from './rules';
import { renderSkills } from './skills';
import { CLAUDE_CODE_SURFACES } from './surfaces';

/**
 * Claude Code (code.claude.com docs, checked 2026-12-02). Everything is native except:
 * - agent-requested rules become skills (`ruleAsSkill`, `.claude/skills/<slug>/`): Claude Code has no
 *   description-triggered rules, but loads a skill when its description fits;
 * - manual rules become commands (`.claude/commands/<slug>.md`), run by the user as `/<slug>`;
 * - ignore patterns become `permissions.deny` rules `Read(<pattern>)` (there is no ignore file);
 * - user-level rules with `paths` are written but do not load (anthropics/claude-code#87217): warned.
 * Settings (hooks, permissions) are single array elements in `settings.json`, never the whole file.
 */
export const claudeCode: Target = {
  id: 'claude-code',
  label: LABEL,
  scopes: ['user', 'project'],
  surfaces: CLAUDE_CODE_SURFACES,
  detect: { dirs: ['.claude'], bins: ['claude'] },
  formatVersion: 2,
  render(input) {
    const c = claudeContext(input);
    const skills = renderSkills(c);
    const rules = renderRules(c);
    // A promptless agent (a bundle) gets no subagent and no CLAUDE.md section: only what it selects.
    const own = promptless(input)
      ? (c.reporter.native('agent', input.agent.name, PROMPTLESS_NOTE), [])
      : [renderSubagent(c, [...skills.skills, ...rules.skills]), renderMemory(c)];
    const mcp = renderMcp(c);
    return {
      items: [
        ...own,
        ...rules.items,
        ...skills.items,
        ...renderCommands(c),
        ...renderHooks(c),
        ...renderPermissions(c),
        ...mcp.items,
      ],
      warnings: [...c.reporter.warnings, ...mcp.warnings],
      report: c.reporter.report,
    };
  },
};
