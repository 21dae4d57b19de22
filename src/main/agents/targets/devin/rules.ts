import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter, ruleSlugger } from '../render-helpers';
import type { RuleText } from '../types';

/** Devin Desktop (and Windsurf before it) ignores a workspace rule file beyond this many characters. */
export const DEVIN_RULE_LIMIT = 12_000;

/** A rule's `trigger` frontmatter: always_on, glob (`globs`), model_decision (`description`), manual. */
export function ruleFrontmatter(r: RuleText, globs: 'list' | 'string'): Record<string, unknown> {
  const description = r.description || undefined;
  switch (r.activation) {
    case 'glob':
      if (!r.globs.length) return { trigger: 'always_on', description };
      // Devin requires a YAML list (its CLI rejects a string); legacy Windsurf documents a comma-separated string.
      return { trigger: 'glob', description, globs: globs === 'list' ? [...r.globs] : r.globs.join(',') };
    case 'agent-requested':
      return { trigger: 'model_decision', description: r.description || r.title };
    case 'manual':
      return { trigger: 'manual', description };
    default:
      return { trigger: 'always_on', description };
  }
}

/**
 * Every rule as `<dir>/<slug>.md` with its native trigger. `shown` is the folder as reported
 * (`.devin/rules` at project scope). Each file is checked against the limit by `check` (Devin) or `onFile`.
 */
export function ruleFiles(
  rules: ReadonlyArray<RuleText>,
  dir: string,
  shown: string,
  globs: 'list' | 'string',
  rep: Reporter,
  onFile?: (file: string, content: string, rule: RuleText) => void,
  reserved: ReadonlyArray<string> = [],
): Desired[] {
  const slugOf = ruleSlugger(rules, reserved);
  return rules.map((r) => {
    const slug = slugOf(r);
    const file = join(dir, `${slug}.md`);
    const fm = ruleFrontmatter(r, globs);
    const content = markdownWithFrontmatter(fm, r.body.trim() + '\n');
    onFile?.(file, content, r);
    rep.native('rule', r.path, `${shown}/${slug}.md (trigger: ${String(fm.trigger)})`);
    return { kind: 'file' as const, path: file, content };
  });
}
