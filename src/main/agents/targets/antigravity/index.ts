import type { Desired } from '../../model';
import { Reporter } from '../formats/report';
import { baseDir, join, PROMPTLESS_NOTE, promptless, sectionBody } from '../render-helpers';
import type { PermissionSet, RenderInput, Surface, Target } from '../types';
import { agyHooks } from './hooks';
import { agyMcp } from './mcp';
import { agyPaths, type AgyPaths } from './paths';
import { agyRuleFile, agyRules } from './rules';
import { agySkills, agyWorkflows } from './skills';

/**
 * Antigravity CLI (`agy`), Gemini CLI's successor for individual accounts.
 *
 * - agent: an always-on rule `.agents/rules/agent-<name>.md` (global rules folder at user scope). Not the root
 *   `AGENTS.md` Antigravity also reads: Codex owns the agent's section there with its rules inlined, and a second
 *   section would be a duplicate prompt for every AGENTS.md tool; not `~/.gemini/GEMINI.md`, Gemini CLI's file.
 * - rules: `.agents/rules/<slug>.md` with `trigger: always_on|glob|manual|model_decision`, `globs` (a list) and
 *   `description`: every activation is native.
 * - skills: whole folders in `.agents/skills/`; commands: workflows `.agents/workflows/<name>.md` (`/name`).
 * - MCP: `mcpServers` in `.agents/mcp_config.json` (`serverUrl` for HTTP).
 * - hooks: `<name>.<Event>[]` in `.agents/hooks.json` (PreToolUse, PostToolUse, Stop); other events skipped.
 * - permissions: skipped (no per-tool rules or ignore file we know of).
 * - user scope: the global folder is unsure in the sources; see paths.ts (detected on the machine, reported).
 */
const DOCS = 'https://antigravity.google/docs';
const CHECKED = '2026-12-02';
const USER_NOTE =
  'global folder detected: only one of ~/.gemini/config/ and ~/.gemini/antigravity/ exists -> that one; ' +
  'otherwise MCP and hooks in ~/.gemini/config/, the rest in ~/.gemini/antigravity/ (unsure in the docs)';

function s(kind: Surface['kind'], scope: Surface['scope'], p: string, doc: string, note?: string): Surface {
  return { kind, scope, path: p, docUrl: `${DOCS}/${doc}`, checked: CHECKED, ...(note ? { note } : {}) };
}

const surfaces: Surface[] = [
  s('memory', 'project', '.agents/rules/agent-<name>.md', 'rules-workflows', "always_on rule (AGENTS.md is Codex's)"),
  s('rule', 'project', '.agents/rules/<slug>.md', 'rules-workflows', 'trigger, globs, description'),
  s('skill', 'project', '.agents/skills/<name>/', 'skills'),
  s('command', 'project', '.agents/workflows/<name>.md', 'rules-workflows', 'commands as workflows'),
  s('mcp-server', 'project', '.agents/mcp_config.json', 'mcp', 'serverUrl for HTTP'),
  s('hook', 'project', '.agents/hooks.json', 'hooks'),
  s('memory', 'user', '~/.gemini/antigravity/rules/agent-<name>.md', 'rules-workflows', USER_NOTE),
  s('rule', 'user', '~/.gemini/antigravity/rules/<slug>.md', 'rules-workflows', USER_NOTE),
  s('skill', 'user', '~/.gemini/antigravity/skills/<name>/', 'skills', USER_NOTE),
  s('command', 'user', '~/.gemini/antigravity/global_workflows/<name>.md', 'rules-workflows', USER_NOTE),
  s('mcp-server', 'user', '~/.gemini/config/mcp_config.json', 'mcp', USER_NOTE),
  s('hook', 'user', '~/.gemini/config/hooks.json', 'hooks', USER_NOTE),
];

export const antigravity: Target = {
  id: 'antigravity',
  label: 'Antigravity CLI',
  scopes: ['user', 'project'],
  surfaces,
  detect: { dirs: ['.gemini/antigravity'], bins: ['agy', 'antigravity'] },
  formatVersion: 2,
  render(input) {
    const rep = new Reporter('Antigravity CLI');
    const p = agyPaths(input.scope, baseDir(input), input.homeDir);
    if (p.note) rep.warn(`Antigravity CLI: ${p.note}.`);
    const mcp = agyMcp(input.mcpServers, p.mcp, p.shown(p.mcp), input.vars, rep);
    const items: Desired[] = [
      ...agentItem(input, p, rep),
      ...agyRules(input.resources, p.rulesDir, p.shown, rep),
      ...agySkills(input.skills, p.skillsDir, p.shown, rep),
      ...agyWorkflows(input.commands, p.workflowsDir, p.shown, rep),
      ...mcp.items,
      ...agyHooks(input.hooks, p.hooks, p.shown(p.hooks), rep),
    ];
    skipPermissions(input.permissions, rep);
    return { items, warnings: [...rep.warnings, ...mcp.warnings], report: rep.report };
  },
};

/**
 * The agent's prompt as an always-on rule `<rules>/agent-<name>.md`. Not a section in AGENTS.md: Codex (and other
 * tools) own the agent's section there with different content (rules inlined), and two installs cannot hold one
 * section with two contents; a second section would be read by every AGENTS.md tool as a duplicate prompt.
 */
function agentItem(input: RenderInput, p: AgyPaths, rep: Reporter): Desired[] {
  const a = input.agent;
  if (promptless(input)) {
    rep.native('agent', a.name, PROMPTLESS_NOTE);
    return [];
  }
  const file = join(p.rulesDir, `agent-${a.name}.md`);
  rep.native('agent', a.name, `always-on rule ${p.shown(file)}`);
  const body = sectionBody(input, a.prompt).replace(/^## [^\n]*\n+/, '');
  const item = agyRuleFile(
    {
      source: a.source,
      path: a.path,
      abs: '',
      body,
      title: a.title ?? a.name,
      description: a.description,
      activation: 'always',
      globs: [],
    },
    file,
  );
  return [item];
}

function skipPermissions(p: PermissionSet, rep: Reporter): void {
  const n = p.allow.length + p.ask.length + p.deny.length + p.ignore.length;
  if (!n) return;
  rep.skipped(
    'permissions',
    'permissions',
    `Antigravity CLI has no permission rules or ignore file we can write (${n} rules not written); ` +
      'set its terminal and review policies in its settings.',
  );
}
