import { skillItems } from '../formats/kinds';
import { NameMap } from '../formats/names';
import { Reporter } from '../formats/report';
import { baseDir, join, ruleSlugger } from '../render-helpers';
import type { PermissionSet, Surface, Target } from '../types';
import { codexHooks } from './hooks';
import { codexMcp } from './mcp';
import { CODEX_AGENTS_MD_CAP, codexMemory, tooBigMessage } from './memory';
import { codexCommands, codexSkills } from './skills';

export { CODEX_AGENTS_MD_CAP } from './memory';

/**
 * OpenAI Codex CLI.
 *
 * - agent: a managed section in `AGENTS.md` (project root) or `~/.codex/AGENTS.md`; 32 KiB cap checked.
 * - rules: always rules inlined into that section; glob rules folded with their "Applies to files matching" note
 *   (Codex has no path-scoped instructions); agent-requested rules become skills (`ruleAsSkill`); manual rules are
 *   skipped (Codex cannot load a rule only on request).
 * - skills: whole folders in `.agents/skills/<name>/` (`~/.agents/skills/` at user scope), the folder Codex shares
 *   with other tools.
 * - commands: rendered as skills in the same folder (`commandAsSkill`): `~/.codex/prompts` is deprecated.
 * - MCP: `[mcp_servers."<name>"]` in the project's `.codex/config.toml` (trusted projects) or `~/.codex/config.toml`;
 *   bearer tokens and `${VAR}` headers by environment-variable name, never inline.
 * - hooks: `hooks.<Event>[]` in `.codex/hooks.json` / `~/.codex/hooks.json` (Claude's shape, json-items); events
 *   Codex lacks (subagent-stop, session-end, notification) are skipped.
 * - permissions: skipped (Codex has sandbox/approval modes and `.rules` exec policies, not per-tool rules).
 */
const DOCS = 'https://developers.openai.com/codex';
const CHECKED = '2026-12-02';

const surfaces: Surface[] = (['project', 'user'] as const).flatMap((scope) => {
  const u = scope === 'user';
  const s = (kind: Surface['kind'], p: string, doc: string, note?: string): Surface => ({
    kind,
    scope,
    path: p,
    docUrl: `${DOCS}/${doc}`,
    checked: CHECKED,
    ...(note ? { note } : {}),
  });
  return [
    s('memory', u ? '~/.codex/AGENTS.md' : 'AGENTS.md', 'guides/agents-md', '32 KiB project_doc_max_bytes'),
    s('rule', u ? '~/.codex/AGENTS.md' : 'AGENTS.md', 'guides/agents-md', 'always inlined, glob folded'),
    s('skill', u ? '~/.agents/skills/<name>/' : '.agents/skills/<name>/', 'skills'),
    s('command', u ? '~/.agents/skills/<name>/' : '.agents/skills/<name>/', 'skills', 'commands as skills'),
    s('mcp-server', u ? '~/.codex/config.toml' : '.codex/config.toml', 'mcp', 'read in trusted projects'),
    s('hook', u ? '~/.codex/hooks.json' : '.codex/hooks.json', 'hooks'),
  ];
});

export const codex: Target = {
  id: 'codex',
  label: 'OpenAI Codex CLI',
  scopes: ['user', 'project'],
  surfaces,
  detect: { dirs: ['.codex'], bins: ['codex'] },
  formatVersion: 2,
  render(input) {
    const rep = new Reporter('Codex');
    const base = baseDir(input);
    const user = input.scope === 'user';
    const codexDir = join(base, '.codex');
    const agentsMd = user ? join(codexDir, 'AGENTS.md') : join(base, 'AGENTS.md');
    const skillsDir = join(base, '.agents', 'skills');
    const shown = user ? '~/.agents/skills' : '.agents/skills';
    const names = new NameMap('skills and commands', 'Codex');

    const slugOf = ruleSlugger(input.resources);
    const memory = codexMemory(input, agentsMd, rep, (r) => names.take(slugOf(r), 'skill').name, shown);
    const skills = codexSkills(input.skills, skillsDir, names, rep, shown);
    const ruleSkills = memory.ruleSkills.flatMap((s) => skillItems(s, skillsDir));
    const commands = codexCommands(input.commands, skillsDir, names, rep, shown);
    const mcp = codexMcp(input.mcpServers, join(codexDir, 'config.toml'), input.vars, rep);
    const hooks = codexHooks(input.hooks, join(codexDir, 'hooks.json'), rep);
    skipPermissions(input.permissions, rep);
    return {
      items: [...(memory.item ? [memory.item] : []), ...skills, ...ruleSkills, ...commands, ...mcp.items, ...hooks],
      warnings: [...rep.warnings, ...mcp.warnings],
      report: rep.report,
    };
  },
  check(file, after) {
    if (!file.endsWith('AGENTS.md')) return undefined;
    const bytes = Buffer.byteLength(after, 'utf8');
    return bytes > CODEX_AGENTS_MD_CAP ? tooBigMessage(file, bytes) : undefined;
  },
};

function skipPermissions(p: PermissionSet, rep: Reporter): void {
  const n = p.allow.length + p.ask.length + p.deny.length + p.ignore.length;
  if (!n) return;
  rep.skipped(
    'permissions',
    'permissions',
    `Codex has no per-tool allow/ask/deny rules or ignore file (${n} rules not written); set sandbox_mode and ` +
      'approval_policy in config.toml, or write .codex/rules/*.rules exec policies by hand.',
  );
}
