import type { Desired } from '../../model';
import { foldedRule, ruleAsSkill } from '../formats/kinds';
import { NameMap, toolName } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter, ruleSlugger } from '../render-helpers';
import type { RenderInput, RuleText } from '../types';
import { heldRules } from './agents';
import { promptFile } from './commands';
import type { OwnedNames } from './names';
import { oneSkill } from './skills';

/** `applyTo` and `description` for an instructions file; agent-requested rules have a description and no applyTo. */
export function instructionsFrontmatter(r: RuleText): Record<string, unknown> {
  const description = r.description || undefined;
  if (r.activation === 'glob' && r.globs.length) return { applyTo: r.globs.join(','), description };
  if (r.activation === 'agent-requested') return { description: r.description || r.title };
  return { applyTo: '**', description };
}

/**
 * Project rules: one `.github/instructions/<slug>.instructions.md` each (always: applyTo '**'; glob: the globs;
 * agent-requested: description only, read on demand); manual rules become prompt files (`/<slug>`).
 */
function projectRules(input: RenderInput, base: string, prompts: OwnedNames, rep: Reporter): Desired[] {
  const held = new Set(heldRules(input));
  const names = new NameMap('rules', 'GitHub Copilot');
  const slugOf = ruleSlugger(input.resources);
  const items: Desired[] = [];
  for (const r of input.resources) {
    if (held.has(r)) continue;
    const body = r.body.trim() + '\n';
    if (r.activation === 'manual') {
      const n = prompts.take(slugOf(r), `rule "${r.path}"`);
      const p = promptFile(base, n.name, { description: r.description || r.title, agent: 'agent' }, body);
      rep.fallback('rule', r.path, `rendered as the prompt file ${p.rel}: run /${n.name} to use it`);
      items.push(p.item);
      continue;
    }
    const slug = names.take(slugOf(r), 'file').name;
    const rel = join('.github', 'instructions', `${slug}.instructions.md`);
    rep.native('rule', r.path, rel);
    items.push({
      kind: 'file',
      path: join(base, rel),
      content: markdownWithFrontmatter(instructionsFrontmatter(r), body),
    });
  }
  return items;
}

/**
 * User rules: a section in the Copilot CLI's `~/.copilot/copilot-instructions.md` (always rules; glob rules folded
 * with their "Applies to" note); agent-requested rules become skills; manual rules are skipped.
 */
function userRules(input: RenderInput, base: string, skills: OwnedNames, rep: Reporter): Desired[] {
  const file = join(base, '.copilot', 'copilot-instructions.md');
  const items: Desired[] = [];
  const folded: string[] = [];
  const slugOf = ruleSlugger(input.resources);
  for (const r of input.resources) {
    if (r.activation === 'agent-requested') {
      const s = oneSkill(input, base, skills, ruleAsSkill(r, toolName(slugOf(r), 'skill')), `rule "${r.path}"`);
      rep.fallback('rule', r.path, `rendered as a skill in ${s.where}`, s.mapped);
      items.push(...s.items);
    } else if (r.activation === 'manual')
      rep.skipped(
        'rule',
        r.path,
        'the Copilot CLI has no manual rules or user prompt files; install the agent at project scope (--scope project --project DIR) for a prompt file.',
      );
    else {
      folded.push(foldedRule(r));
      if (r.activation === 'glob' && r.globs.length)
        rep.fallback('rule', r.path, 'folded into ~/.copilot/copilot-instructions.md with its "Applies to" note');
      else rep.native('rule', r.path, '~/.copilot/copilot-instructions.md');
    }
  }
  if (folded.length) {
    const a = input.agent;
    const content = [`## ${a.title ?? a.name}: rules`, ...folded].join('\n\n');
    items.unshift({ kind: 'section', path: file, id: a.name, content });
  }
  return items;
}

export function ruleItems(input: RenderInput, base: string, prompts: OwnedNames, skills: OwnedNames, rep: Reporter) {
  return input.scope === 'user' ? userRules(input, base, skills, rep) : projectRules(input, base, prompts, rep);
}
