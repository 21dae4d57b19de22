import { Reporter } from '../formats/report';
import { baseDir, join } from '../render-helpers';
import type { Surface, Target } from '../types';
import { geminiCommands } from './commands';
import { geminiHooks } from './hooks';
import { geminiMcp } from './mcp';
import { geminiMemory } from './memory';
import { geminiPermissions } from './permissions';
import { geminiSkills } from './skills';

/**
 * Gemini CLI (kept for enterprise and API-key users; individual accounts moved to Antigravity CLI).
 *
 * - agent: a managed section in `GEMINI.md` (project root) or `~/.gemini/GEMINI.md`.
 * - rules: copied into `.gemini/rules/<slug>.md` (`~/.gemini/rules/` at user scope) and imported with `@./…`
 *   relative to GEMINI.md (never a library path). Gemini has no path-scoped or on-request context: glob and
 *   agent-requested rules are always loaded, with their "Applies to"/"Use when" note (fallback); manual rules are
 *   skipped.
 * - skills: whole folders in `.agents/skills/` (`~/.agents/skills/`), Gemini's alias of `.gemini/skills/` that
 *   Codex and Antigravity read too.
 * - commands: `.gemini/commands/<name>.toml` (`description`, `prompt`, `$ARGUMENTS` -> `{{args}}`).
 * - MCP: `mcpServers` in `.gemini/settings.json` (`httpUrl` for HTTP; Gemini expands `${VAR}` itself).
 * - hooks: `hooks.<Event>[]` in settings.json (BeforeTool, AfterTool, BeforeAgent, AfterAgent, SessionStart,
 *   SessionEnd, PreCompress, Notification; timeout in ms); subagent-stop is skipped.
 * - permissions: allow/ask/deny -> `tools.allowed` / `tools.confirmationRequired` / `tools.exclude` (json-items, tool
 *   names mapped; path-scoped rules skipped); ignore -> a block in `.geminiignore` (project root; skipped at user
 *   scope).
 */
const DOCS = 'https://geminicli.com/docs';
const CHECKED = '2026-12-02';

const surfaces: Surface[] = (['project', 'user'] as const).flatMap((scope) => {
  const g = scope === 'user' ? '~/.gemini' : '.gemini';
  const s = (kind: Surface['kind'], p: string, doc: string, note?: string): Surface => ({
    kind,
    scope,
    path: p,
    docUrl: `${DOCS}/${doc}`,
    checked: CHECKED,
    ...(note ? { note } : {}),
  });
  return [
    s('memory', scope === 'user' ? '~/.gemini/GEMINI.md' : 'GEMINI.md', 'cli/gemini-md'),
    s('rule', `${g}/rules/<slug>.md`, 'cli/gemini-md', '@-imported from GEMINI.md'),
    s('skill', scope === 'user' ? '~/.agents/skills/<name>/' : '.agents/skills/<name>/', 'cli/skills'),
    s('command', `${g}/commands/<name>.toml`, 'cli/custom-commands'),
    s('mcp-server', `${g}/settings.json`, 'tools/mcp-server', 'mcpServers'),
    s('hook', `${g}/settings.json`, 'hooks', 'hooks.<Event>'),
    s('permissions', `${g}/settings.json`, 'reference/configuration', 'tools.allowed/confirmationRequired/exclude'),
    ...(scope === 'project' ? [s('permissions', '.geminiignore', 'cli/gemini-ignore', 'ignore patterns')] : []),
  ];
});

export const gemini: Target = {
  id: 'gemini',
  label: 'Gemini CLI',
  scopes: ['user', 'project'],
  surfaces,
  detect: { dirs: ['.gemini'], bins: ['gemini'] },
  formatVersion: 2,
  render(input) {
    const rep = new Reporter('Gemini CLI');
    const base = baseDir(input);
    const user = input.scope === 'user';
    const gDir = join(base, '.gemini');
    const g = user ? '~/.gemini' : '.gemini';
    const geminiMd = user ? join(gDir, 'GEMINI.md') : join(base, 'GEMINI.md');
    const settings = join(gDir, 'settings.json');
    const memory = geminiMemory(input, geminiMd, join(gDir, 'rules'), `${g}/rules`, rep);
    const skills = geminiSkills(
      input.skills,
      join(base, '.agents', 'skills'),
      user ? '~/.agents/skills' : '.agents/skills',
      rep,
    );
    const commands = geminiCommands(input.commands, join(gDir, 'commands'), `${g}/commands`, rep);
    const mcp = geminiMcp(input.mcpServers, settings, input.vars, rep);
    const hooks = geminiHooks(input.hooks, settings, rep);
    const ignoreFile = user ? undefined : join(base, '.geminiignore');
    const perms = geminiPermissions(input.permissions, settings, ignoreFile, input.agent.name, rep);
    return {
      items: [...memory, ...skills, ...commands, ...mcp.items, ...hooks, ...perms],
      warnings: [...rep.warnings, ...mcp.warnings],
      report: rep.report,
    };
  },
};
