import { Reporter } from '../formats/report';
import { baseDir, join, PROMPTLESS_NOTE, promptless, sectionBody } from '../render-helpers';
import type { Desired } from '../../model';
import type { Surface, Target } from '../types';
import { devinHooks } from './hooks';
import { devinMcp } from './mcp';
import { devinPermissions } from './permissions';
import { DEVIN_RULE_LIMIT, ruleFiles } from './rules';
import { devinSkills, workflows } from './skills';

/**
 * Devin Desktop (Windsurf renamed 2026-06-02; Devin Local shares the Devin CLI's files).
 *
 * - agent: a section `<name>.devin` of AGENTS.md (project root: always on); user scope: `~/.config/devin/AGENTS.md`
 *   (global rules).
 * - rules: `.devin/rules/<slug>.md` (`~/.devin/rules/` at user scope) with their native trigger (always_on, glob with
 *   `globs` as a YAML list, model_decision, manual): no fallback needed. 12,000 characters per rule: check() warns.
 * - skills: `.devin/skills/<name>/`; commands: workflows `.devin/workflows/<name>.md` (UNSURE: TOOL-FORMATS lists
 *   `.windsurf/workflows/`; Devin's own folder is written).
 * - hooks: `.devin/hooks.v1.json` (Claude Code-compatible events) at project scope; skipped at user scope.
 * - permissions and MCP: `.devin/config.json` (`~/.config/devin/config.json`), `permissions.allow|ask|deny` and
 *   `mcpServers`, as docs.devin.ai documents them (TOOL-FORMATS was unsure between this and mcp_config.json).
 *   The legacy `~/.codeium/windsurf/mcp_config.json` is the windsurf target's.
 */
const CHECKED = '2026-12-02';
const DOCS = 'https://docs.devin.ai/desktop/devin-local/customizations';
const CONFIG = 'https://docs.devin.ai/cli/extensibility/configuration';

function surfaces(): Surface[] {
  const s = (kind: Surface['kind'], scope: 'project' | 'user', path: string, docUrl: string, note?: string) => ({
    kind,
    scope,
    path,
    docUrl,
    checked: CHECKED,
    ...(note ? { note } : {}),
  });
  const wf = 'UNSURE: TOOL-FORMATS lists .windsurf/workflows; written to the .devin folder';
  const mcpNote = 'config.json per docs.devin.ai (not mcp_config.json); legacy Windsurf file: windsurf target';
  return [
    s('agent', 'project', 'AGENTS.md', DOCS, 'managed section; root AGENTS.md is always on'),
    s('rule', 'project', '.devin/rules/<slug>.md', DOCS, '12,000 characters per rule'),
    s('skill', 'project', '.devin/skills/<name>/SKILL.md', DOCS),
    s('command', 'project', '.devin/workflows/<name>.md', DOCS, wf),
    s('hook', 'project', '.devin/hooks.v1.json', 'https://docs.devin.ai/cli/extensibility/hooks/overview'),
    s('permissions', 'project', '.devin/config.json permissions', CONFIG),
    s('mcp-server', 'project', '.devin/config.json mcpServers', CONFIG, mcpNote),
    s('agent', 'user', '~/.config/devin/AGENTS.md', CONFIG, 'global rules'),
    s('rule', 'user', '~/.devin/rules/<slug>.md', DOCS),
    s('skill', 'user', '~/.devin/skills/<name>/SKILL.md', DOCS, 'UNSURE: user-level skills folder'),
    s('command', 'user', '~/.devin/workflows/<name>.md', DOCS, wf),
    s('permissions', 'user', '~/.config/devin/config.json permissions', CONFIG),
    s('mcp-server', 'user', '~/.config/devin/config.json mcpServers', CONFIG, mcpNote),
  ];
}

export const devin: Target = {
  id: 'devin',
  label: 'Devin Desktop',
  scopes: ['user', 'project'],
  surfaces: surfaces(),
  detect: { dirs: ['.config/devin', '.devin'], bins: ['devin'] },
  formatVersion: 2,
  render(input) {
    const rep = new Reporter('Devin Desktop');
    const base = baseDir(input);
    const project = input.scope === 'project';
    const devinDir = join(base, '.devin');
    const shown = project ? '.devin' : devinDir;
    const config = project ? join(devinDir, 'config.json') : join(input.homeDir, '.config', 'devin', 'config.json');
    const configShown = project ? '.devin/config.json' : config;

    const agentsMd = project ? join(base, 'AGENTS.md') : join(input.homeDir, '.config', 'devin', 'AGENTS.md');
    const agent: Desired = {
      kind: 'section',
      path: agentsMd,
      // Its own section id: Codex (and others) write a section for the same agent in AGENTS.md with other content
      // (rules inlined); one id for both would make each install see the other's text as drift.
      id: `${input.agent.name}.devin`,
      content: sectionBody(input, input.agent.prompt),
    };
    const own = promptless(input) ? [] : [agent];
    rep.native(
      'agent',
      input.agent.name,
      own.length ? `${project ? 'AGENTS.md' : agentsMd} section (always on)` : PROMPTLESS_NOTE,
    );

    // Over-long rule files are warned about by check(), on the planned file.
    const rules = ruleFiles(input.resources, join(devinDir, 'rules'), `${shown}/rules`, 'list', rep);
    const skills = devinSkills(input, devinDir, shown, rep);
    const cmds = workflows(input, devinDir, shown, 'Devin Desktop', rep);
    const hooks = devinHooks(input, project ? join(devinDir, 'hooks.v1.json') : undefined, rep);
    const perms = devinPermissions(input.permissions, config, configShown, rep);
    const mcp = devinMcp(input, config, configShown, rep);
    return {
      items: [...own, ...rules, ...skills, ...cmds, ...hooks, ...perms, ...mcp.items],
      warnings: [...rep.warnings, ...mcp.warnings],
      report: rep.report,
    };
  },
  check(file, after) {
    if (!/[\\/]\.devin[\\/]rules[\\/][^\\/]+\.md$/.test(file) || after.length <= DEVIN_RULE_LIMIT) return undefined;
    return tooLong(file, after.length);
  },
};

function tooLong(file: string, length: number): string {
  return (
    `Devin Desktop: ${file} is ${length.toLocaleString('en')} characters; Devin reads at most ` +
    `${DEVIN_RULE_LIMIT.toLocaleString('en')} of a rule file. Split the rule into smaller files.`
  );
}
