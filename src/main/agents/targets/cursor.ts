import type { Desired } from '../model';
import {
  baseDir,
  extraFrontmatter,
  resourceSlug,
  inlinePrompt,
  join,
  markdownWithFrontmatter,
  mcpEntry,
  mcpJsonItems,
  stringSetting,
  toolSettings,
} from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

const USER_SCOPE_RULE =
  'Cursor keeps user rules in its settings, not in files: only the MCP servers were installed. ' +
  'Install at project scope for the rule.';

/**
 * Cursor: a project rule `.cursor/rules/<name>.mdc` (description, globs, alwaysApply) and MCP in
 * `.cursor/mcp.json`.
 */
export const cursor: Target = {
  id: 'cursor',
  label: 'Cursor',
  scopes: ['user', 'project'],
  render(input) {
    const base = baseDir(input);
    const s = toolSettings(input, 'cursor');
    const a = input.agent;
    const items: Desired[] = [];
    const warnings: string[] = [];
    if (input.scope === 'project') {
      const globs = stringSetting(s, 'globs');
      const alwaysApply = typeof s.alwaysApply === 'boolean' ? s.alwaysApply : !globs;
      const split = s.split === true;
      items.push({
        kind: 'file',
        path: join(base, '.cursor', 'rules', `${a.name}.mdc`),
        content: markdownWithFrontmatter(
          { description: a.description || a.title || a.name, globs, alwaysApply, ...extraFrontmatter(s) },
          inlinePrompt(a.prompt, split ? [] : input.resources),
        ),
      });
      // `settings.cursor.split: true`: one rule file per resource.
      for (const r of split ? input.resources : [])
        items.push({
          kind: 'file',
          path: join(base, '.cursor', 'rules', `${a.name}--${resourceSlug(r.path)}.mdc`),
          content: markdownWithFrontmatter({ description: r.title, globs, alwaysApply }, r.body.trim() + '\n'),
        });
    } else warnings.push(USER_SCOPE_RULE);
    const mcp = mcpJsonItems(
      input.mcpServers,
      join(base, '.cursor', 'mcp.json'),
      'mcpServers',
      input.vars,
      { native: (n) => `\${env:${n}}` },
      (srv, r) => mcpEntry(srv, r),
    );
    return { items: [...items, ...mcp.items], warnings: [...warnings, ...mcp.warnings] };
  },
};
