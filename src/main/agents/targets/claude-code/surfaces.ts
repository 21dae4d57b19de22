import type { Surface } from '../types';

const DOCS = 'https://code.claude.com/docs/en';
const CHECKED = '2026-12-02';

function surfaces(): Surface[] {
  const both = (kind: Surface['kind'], project: string, user: string, doc: string, note?: string): Surface[] =>
    [
      { kind, scope: 'project' as const, path: project },
      { kind, scope: 'user' as const, path: user },
    ].map((s) => ({ ...s, docUrl: `${DOCS}/${doc}`, checked: CHECKED, ...(note ? { note } : {}) }));
  return [
    ...both('memory', 'CLAUDE.md', '~/.claude/CLAUDE.md', 'memory'),
    ...both(
      'rule',
      '.claude/rules/<slug>.md',
      '~/.claude/rules/<slug>.md',
      'memory',
      'paths: for glob rules; user-level rules with paths do not load (anthropics/claude-code#87217)',
    ),
    ...both('agent', '.claude/agents/<name>.md', '~/.claude/agents/<name>.md', 'sub-agents'),
    ...both('skill', '.claude/skills/<name>/SKILL.md', '~/.claude/skills/<name>/SKILL.md', 'skills'),
    ...both('command', '.claude/commands/<name>.md', '~/.claude/commands/<name>.md', 'slash-commands'),
    ...both('hook', '.claude/settings.json hooks', '~/.claude/settings.json hooks', 'hooks'),
    ...both(
      'permissions',
      '.claude/settings.json permissions',
      '~/.claude/settings.json permissions',
      'settings#permission-settings',
      'ignore patterns become permissions.deny Read(<pattern>) rules',
    ),
    ...both('mcp-server', '.mcp.json mcpServers', '~/.claude.json mcpServers', 'mcp'),
  ];
}

/** Where Claude Code reads each kind, per scope, with the page each was checked against. */
export const CLAUDE_CODE_SURFACES: ReadonlyArray<Surface> = surfaces();
