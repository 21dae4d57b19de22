import type { Desired } from '../../model';
import { foldedRule, projectRelative } from '../formats/kinds';
import type { Reporter } from '../formats/report';
import { join, PROMPTLESS_NOTE, promptless, ruleSlugger, sectionBody } from '../render-helpers';
import type { RenderInput } from '../types';

/**
 * The agent's section in GEMINI.md, importing each rule with `@./…` from a copy in `rulesDir` (`.gemini/rules/` or
 * `~/.gemini/rules/`), relative to GEMINI.md: never a library path. Gemini has no path-scoped or on-request
 * context, so glob and agent-requested rules are copied with their "Applies to"/"Use when" note; manual rules are
 * skipped.
 */
export function geminiMemory(
  input: RenderInput,
  geminiMd: string,
  rulesDir: string,
  shownRules: string,
  rep: Reporter,
) {
  const items: Desired[] = [];
  const imports: string[] = [];
  const slugOf = ruleSlugger(input.resources);
  for (const rule of input.resources) {
    if (rule.activation === 'manual') {
      rep.skipped(
        'rule',
        rule.path,
        'Gemini CLI has no manual rules (loaded only when asked for); make it an always rule, or a command, to use it there.',
      );
      continue;
    }
    const file = join(rulesDir, `${slugOf(rule)}.md`);
    items.push({ kind: 'file', path: file, content: foldedRule(rule) + '\n' });
    imports.push(`@${dotRelative(projectRelative(geminiMd, file))}`);
    const where = `${shownRules}/${slugOf(rule)}.md, imported from ${geminiMd}`;
    if (rule.activation === 'always') rep.native('rule', rule.path, where);
    else
      rep.fallback(
        'rule',
        rule.path,
        `always loaded from ${where}, with its "${rule.activation === 'glob' ? 'Applies to files matching' : 'Use when'}" note`,
      );
  }
  const prompt = [
    input.agent.prompt.replace(/\s+$/, ''),
    ...(imports.length ? [['## Rules', '', ...imports].join('\n')] : []),
  ];
  if (promptless(input) && !imports.length) {
    rep.native('agent', input.agent.name, PROMPTLESS_NOTE);
    return items;
  }
  rep.native('agent', input.agent.name, `section in ${geminiMd}`);
  items.unshift({
    kind: 'section',
    path: geminiMd,
    id: input.agent.name,
    content: sectionBody(input, prompt.join('\n\n') + '\n'),
  });
  return items;
}

/** projectRelative leaves `.gemini/…` without `./` (it starts with a dot); Gemini's imports read best as `./…`. */
function dotRelative(rel: string): string {
  return rel.startsWith('./') || rel.startsWith('../') ? rel : `./${rel}`;
}
