import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import {
  extraFrontmatter,
  join,
  markdownWithFrontmatter,
  PROMPTLESS_NOTE,
  promptless,
  stringSetting,
  toolSettings,
} from '../render-helpers';
import type { RenderInput } from '../types';

/**
 * True when the agent carries Cursor rule settings (`globs`, `alwaysApply`, extra `frontmatter`): what the importer
 * writes for an agent read from a `.cursor/rules/*.mdc` file, or what a user set to make the agent a rule. Such an
 * agent is rendered back as that rule (today's `.cursor/rules/<agent>.mdc`), so an imported rule round-trips and
 * keeps its meaning (always on, or attached by glob); every other agent becomes a subagent.
 */
export function isRuleAgent(input: RenderInput): boolean {
  const s = toolSettings(input, 'cursor');
  return input.scope === 'project' && ('globs' in s || 'alwaysApply' in s || 'frontmatter' in s);
}

/** The agent: a subagent `.cursor/agents/<name>.md` (name, description, model), or the rule it was imported from. */
export function agentItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  const a = input.agent;
  const s = toolSettings(input, 'cursor');
  const description = a.description || a.title || a.name;
  if (promptless(input)) {
    rep.native('agent', a.name, PROMPTLESS_NOTE);
    return [];
  }
  if (isRuleAgent(input)) {
    const globs = stringSetting(s, 'globs');
    const alwaysApply = typeof s.alwaysApply === 'boolean' ? s.alwaysApply : !globs;
    const rel = join('.cursor', 'rules', `${a.name}.mdc`);
    rep.native('agent', a.name, `${rel} (a rule: settings.cursor sets globs/alwaysApply)`);
    return [
      {
        kind: 'file',
        path: join(base, rel),
        content: markdownWithFrontmatter({ description, globs, alwaysApply, ...extraFrontmatter(s) }, a.prompt),
      },
    ];
  }
  const rel = join('.cursor', 'agents', `${a.name}.md`);
  rep.native('agent', a.name, input.scope === 'user' ? join('~', rel) : rel);
  const ours: Record<string, unknown> = { name: a.name, description, model: stringSetting(s, 'model') };
  // Subagent frontmatter an import kept (`settings.cursor.extra`: readonly, is_background...), written back.
  const kept = typeof s.extra === 'object' && s.extra !== null && !Array.isArray(s.extra) ? s.extra : {};
  const extra = Object.fromEntries(Object.entries(kept).filter(([k]) => ours[k] === undefined));
  const fm = { ...ours, ...extra };
  return [{ kind: 'file', path: join(base, rel), content: markdownWithFrontmatter(fm, a.prompt) }];
}
