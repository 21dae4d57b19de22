import { AppError } from '../../../../shared/errors';
import type { Desired } from '../../model';
import { foldedRule } from '../formats/kinds';
import { installIntoHint, Reporter } from '../formats/report';
import {
  baseDir,
  extraFrontmatter,
  join,
  markdownWithFrontmatter,
  mcpEntry,
  mcpJsonItems,
  PROMPTLESS_NOTE,
  promptless,
  sectionBody,
  stringSetting,
  toolSettings,
} from '../render-helpers';
import type { Surface, Target } from '../types';
import { DEVIN_RULE_LIMIT, ruleFiles } from '../devin/rules';
import { workflows } from '../devin/skills';

/** Windsurf ignores a workspace rule file beyond this many characters... */
export const WINDSURF_RULE_LIMIT = DEVIN_RULE_LIMIT;
/** ...and the global rules file beyond this many. */
export const WINDSURF_GLOBAL_LIMIT = 6_000;

/**
 * Windsurf (legacy; renamed Devin Desktop, see the devin target).
 *
 * - agent: project `.windsurf/rules/<name>.md` (trigger from `settings.windsurf`, always_on by default); user scope:
 *   a section of `~/.codeium/windsurf/memories/global_rules.md` (6,000 characters).
 * - rules: project `.windsurf/rules/<slug>.md` with their native trigger (no fallback); user scope: folded into the
 *   global rules section with their "Applies to" / "Use when" note (fallback); manual rules skipped there.
 * - commands: project workflows `.windsurf/workflows/<name>.md`; user scope skipped.
 * - skills, hooks, permissions: skipped (install into devin).
 * - MCP: only `~/.codeium/windsurf/mcp_config.json` (`serverUrl`): at project scope written only with
 *   allowUserFiles, otherwise reported skipped with the flag.
 */
const CHECKED = '2026-12-02';
const RULES_DOC = 'https://docs.windsurf.com/windsurf/cascade/memories';
const MCP_DOC = 'https://docs.windsurf.com/windsurf/cascade/mcp';

const SURFACES: Surface[] = [
  { kind: 'agent', scope: 'project', path: '.windsurf/rules/<name>.md', docUrl: RULES_DOC, checked: CHECKED },
  { kind: 'rule', scope: 'project', path: '.windsurf/rules/<slug>.md', docUrl: RULES_DOC, checked: CHECKED },
  {
    kind: 'command',
    scope: 'project',
    path: '.windsurf/workflows/<name>.md',
    docUrl: 'https://docs.windsurf.com/windsurf/cascade/workflows',
    checked: CHECKED,
  },
  {
    kind: 'mcp-server',
    scope: 'project',
    path: '~/.codeium/windsurf/mcp_config.json',
    docUrl: MCP_DOC,
    checked: CHECKED,
    note: 'user-level only: written from a project install only with --allow-user-files',
  },
  {
    kind: 'memory',
    scope: 'user',
    path: '~/.codeium/windsurf/memories/global_rules.md',
    docUrl: RULES_DOC,
    checked: CHECKED,
    note: '6,000 characters',
  },
  { kind: 'mcp-server', scope: 'user', path: '~/.codeium/windsurf/mcp_config.json', docUrl: MCP_DOC, checked: CHECKED },
];

export const windsurf: Target = {
  id: 'windsurf',
  label: 'Windsurf',
  scopes: ['user', 'project'],
  surfaces: SURFACES,
  detect: { dirs: ['.codeium/windsurf'], bins: ['windsurf'] },
  formatVersion: 2,
  supersededBy: 'devin',
  render(input) {
    const rep = new Reporter('Windsurf');
    const a = input.agent;
    const devin = installIntoHint(a.name, 'devin');
    const items: Desired[] = [];
    const mcpFile = join(input.homeDir, '.codeium', 'windsurf', 'mcp_config.json');
    if (input.scope === 'project') {
      const s = toolSettings(input, 'windsurf');
      const dir = join(baseDir(input), '.windsurf', 'rules');
      const globs = stringSetting(s, 'globs');
      const trigger = stringSetting(s, 'trigger') ?? (globs ? 'glob' : 'always_on');
      const file = join(dir, `${a.name}.md`);
      const fm = { trigger, description: a.description || undefined, globs, ...extraFrontmatter(s) };
      const content = markdownWithFrontmatter(fm, a.prompt.replace(/\s+$/, '') + '\n');
      if (promptless(input)) rep.native('agent', a.name, PROMPTLESS_NOTE);
      else {
        tooLong(content.length, WINDSURF_RULE_LIMIT, file, a.name);
        items.push({ kind: 'file', path: file, content });
        rep.native('agent', a.name, `.windsurf/rules/${a.name}.md (trigger: ${trigger})`);
      }
      items.push(
        ...ruleFiles(
          input.resources,
          dir,
          '.windsurf/rules',
          'string',
          rep,
          (f, c, r) => tooLong(c.length, WINDSURF_RULE_LIMIT, f, a.name, r.path),
          [a.name],
        ),
      );
      items.push(...workflows(input, join(baseDir(input), '.windsurf'), '.windsurf', 'Windsurf', rep));
    } else {
      const file = join(input.homeDir, '.codeium', 'windsurf', 'memories', 'global_rules.md');
      const parts = [a.prompt.replace(/\s+$/, '')];
      for (const r of input.resources) {
        if (r.activation === 'manual') {
          rep.skipped('rule', r.path, `global rules are always on: Windsurf has no manual global rules; ${devin}.`);
          continue;
        }
        const always = r.activation === 'always' || (!r.globs.length && r.activation === 'glob');
        parts.push(always ? `### ${r.title || r.path}\n\n${r.body.trim()}` : foldedRule(r));
        if (always) rep.native('rule', r.path, `${file} (section ${a.name})`);
        else rep.fallback('rule', r.path, `folded into ${file} with a note on when it applies`);
      }
      const content = sectionBody(input, parts.join('\n\n') + '\n');
      if (promptless(input) && parts.length === 1) rep.native('agent', a.name, PROMPTLESS_NOTE);
      else {
        tooLong(content.length, WINDSURF_GLOBAL_LIMIT, file, a.name);
        items.push({ kind: 'section', path: file, id: a.name, content });
        rep.native('agent', a.name, `${file} (section ${a.name})`);
      }
      for (const c of input.commands)
        rep.skipped(
          'command',
          c.name,
          'legacy Windsurf workflows are written at project scope only (.windsurf/workflows/); install the agent ' +
            `there (--scope project --project DIR), or ${devin}.`,
        );
    }
    for (const sk of input.skills) rep.skipped('skill', sk.name, `legacy Windsurf has no skills; ${devin}.`);
    for (const h of input.hooks) rep.skipped('hook', h.name, `legacy Windsurf has no hooks; ${devin}.`);
    const p = input.permissions;
    if (p.allow.length || p.ask.length || p.deny.length || p.ignore.length)
      rep.skipped('permissions', 'permissions', `legacy Windsurf has no permission rules; ${devin}.`);

    const mcpWarnings: string[] = [];
    if (input.mcpServers.length) {
      if (input.scope === 'project' && !input.allowUserFiles) {
        for (const s of input.mcpServers)
          rep.skipped(
            'mcp-server',
            s.name,
            `Windsurf has no project-level MCP file; pass --allow-user-files (or confirm in the app) to write ${mcpFile}.`,
          );
      } else {
        const mcp = mcpJsonItems(input.mcpServers, mcpFile, 'mcpServers', input.vars, {}, (srv, r) =>
          mcpEntry(srv, r, { urlKey: 'serverUrl' }),
        );
        items.push(...mcp.items);
        mcpWarnings.push(...mcp.warnings);
        for (const s of input.mcpServers) rep.native('mcp-server', s.name, `${mcpFile} mcpServers`);
      }
    }
    return { items, warnings: [...rep.warnings, ...mcpWarnings], report: rep.report };
  },
};

function tooLong(length: number, limit: number, file: string, agent: string, resource?: string): void {
  if (length <= limit) return;
  throw new AppError(
    'LIMIT_EXCEEDED',
    `The Windsurf rule for "${agent}"${resource ? ` (${resource})` : ''} would be ` +
      `${length.toLocaleString('en')} characters; Windsurf reads at most ${limit.toLocaleString('en')} in ${file}.`,
    resource
      ? `Split ${resource} into smaller files or leave it out, then install again.`
      : 'Trim the prompt or pick fewer resources, then install again.',
    { file, length, limit },
  );
}
