import { AppError } from '../../../shared/errors';
import type { Desired } from '../model';
import { baseDir, extraFrontmatter, resourceSlug, inlinePrompt, join, markdownWithFrontmatter, mcpEntry, mcpJsonItems, sectionBody, stringSetting, toolSettings } from './render-helpers';
import type { Target } from './types';

/** Windsurf ignores a workspace rule file beyond this many characters. */
export const WINDSURF_RULE_LIMIT = 12_000;
/** ...and the global rules file beyond this many. */
export const WINDSURF_GLOBAL_LIMIT = 6_000;

/** Windsurf: `.windsurf/rules/<name>.md` (trigger, description, globs) or the global rules; MCP in `~/.codeium/windsurf/mcp_config.json`. */
export const windsurf: Target = {
  id: 'windsurf',
  label: 'Windsurf',
  scopes: ['user', 'project'],
  render(input) {
    const a = input.agent;
    const s = toolSettings(input, 'windsurf');
    const split = s.split === true && input.scope === 'project';
    const body = inlinePrompt(a.prompt, split ? [] : input.resources);
    let item: Desired;
    const extra: Desired[] = [];
    if (input.scope === 'project') {
      const globs = stringSetting(s, 'globs');
      const trigger = stringSetting(s, 'trigger') ?? (globs ? 'glob' : 'always_on');
      const dir = join(baseDir(input), '.windsurf', 'rules');
      const file = join(dir, `${a.name}.md`);
      item = { kind: 'file', path: file, content: markdownWithFrontmatter({ trigger, description: a.description || undefined, globs, ...extraFrontmatter(s) }, body) };
      tooLong(item.content.length, WINDSURF_RULE_LIMIT, file, a.name);
      // `settings.windsurf.split: true`: one rule file per resource, each under the limit.
      for (const r of split ? input.resources : []) {
        const rf = join(dir, `${a.name}--${resourceSlug(r.path)}.md`);
        const content = markdownWithFrontmatter({ trigger, description: r.title, globs }, r.body.trim() + '\n');
        tooLong(content.length, WINDSURF_RULE_LIMIT, rf, a.name);
        extra.push({ kind: 'file', path: rf, content });
      }
    } else {
      const file = join(input.homeDir, '.codeium', 'windsurf', 'memories', 'global_rules.md');
      item = { kind: 'section', path: file, id: a.name, content: sectionBody(input, body) };
      tooLong(item.content.length, WINDSURF_GLOBAL_LIMIT, file, a.name);
    }
    const mcp = mcpJsonItems(input.mcpServers, join(input.homeDir, '.codeium', 'windsurf', 'mcp_config.json'), 'mcpServers', input.vars, {}, (srv, r) => mcpEntry(srv, r, { urlKey: 'serverUrl' }));
    return { items: [item, ...extra, ...mcp.items], warnings: mcp.warnings };
  },
};

function tooLong(length: number, limit: number, file: string, agent: string): void {
  if (length <= limit) return;
  throw new AppError('LIMIT_EXCEEDED', `The Windsurf rule for "${agent}" would be ${length.toLocaleString('en')} characters; Windsurf reads at most ${limit.toLocaleString('en')} in ${file}.`, 'Trim the prompt or pick fewer resources, or set `settings: { windsurf: { split: true } }` in the agent to write one rule file per resource; then install again.', { file, length, limit });
}
