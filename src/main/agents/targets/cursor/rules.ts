import type { Desired } from '../../model';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter, ruleSlugger } from '../render-helpers';
import type { RenderInput, RuleText } from '../types';

const USER_RULES =
  'Cursor keeps user rules in its settings (Cursor Settings > Rules), not in files: add it there, ' +
  'or install the agent at project scope (--scope project --project DIR).';

/** The frontmatter Cursor reads for each activation (globs as the comma string Cursor itself writes). */
export function ruleFrontmatter(r: RuleText): Record<string, unknown> {
  if (r.activation === 'glob' && r.globs.length)
    return { description: r.description || undefined, globs: r.globs.join(','), alwaysApply: false };
  if (r.activation === 'agent-requested') return { description: r.description || r.title, alwaysApply: false };
  if (r.activation === 'manual') return { alwaysApply: false };
  return { description: r.description || undefined, alwaysApply: true };
}

/** Each rule as its own `.cursor/rules/<slug>.mdc` (project scope); user rules live in Cursor's settings. */
export function ruleItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  if (input.scope === 'user') {
    for (const r of input.resources) rep.skipped('rule', r.path, USER_RULES);
    return [];
  }
  const names = new NameMap('rules', 'Cursor');
  const slugOf = ruleSlugger(input.resources);
  return input.resources.map((r) => {
    const slug = names.take(slugOf(r), 'file').name;
    const rel = join('.cursor', 'rules', `${slug}.mdc`);
    rep.native('rule', r.path, `${rel} (${r.activation === 'glob' && !r.globs.length ? 'always' : r.activation})`);
    return {
      kind: 'file' as const,
      path: join(base, rel),
      content: markdownWithFrontmatter(ruleFrontmatter(r), r.body.trim() + '\n'),
    };
  });
}
