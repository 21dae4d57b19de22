import type { RuleActivation } from '../../../../shared/content';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { markdownWithFrontmatter, ruleSlugger } from '../render-helpers';
import { join } from '../render-helpers';
import type { RuleText } from '../types';

const TRIGGERS: Record<RuleActivation, string> = {
  always: 'always_on',
  glob: 'glob',
  manual: 'manual',
  'agent-requested': 'model_decision',
};

/** A rule file with Antigravity's frontmatter: `trigger`, `globs` (a YAML list), `description`. */
export function agyRuleFile(rule: RuleText, file: string): Desired {
  const fm = {
    trigger: TRIGGERS[rule.activation],
    ...(rule.activation === 'glob' && rule.globs.length ? { globs: [...rule.globs] } : {}),
    ...(rule.description || rule.activation === 'agent-requested'
      ? { description: rule.description || rule.title }
      : {}),
  };
  const body = `# ${rule.title || rule.path}\n\n${rule.body.trim()}\n`;
  return { kind: 'file', path: file, content: markdownWithFrontmatter(fm, body) };
}

/** Every rule as `<dir>/<slug>.md`; every activation has a trigger, so all are native. */
export function agyRules(
  rules: ReadonlyArray<RuleText>,
  dir: string,
  shown: (p: string) => string,
  rep: Reporter,
): Desired[] {
  const slugOf = ruleSlugger(rules);
  return rules.map((r) => {
    const file = join(dir, `${slugOf(r)}.md`);
    rep.native('rule', r.path, `${shown(file)} (trigger: ${TRIGGERS[r.activation]})`);
    return agyRuleFile(r, file);
  });
}
