import type { Desired } from '../../model';
import { foldedRule } from '../formats/kinds';
import type { Reporter } from '../formats/report';
import { PROMPTLESS_NOTE, promptless, sectionBody } from '../render-helpers';
import type { RenderInput, RuleText, SkillContent } from '../types';
import { ruleAsSkill } from '../formats/kinds';

/** Codex reads at most this much of AGENTS.md (project_doc_max_bytes). */
export const CODEX_AGENTS_MD_CAP = 32 * 1024;

/**
 * The agent's section in AGENTS.md: the prompt, then every always rule inlined and every glob rule folded with its
 * "Applies to" note (Codex has no path-scoped instructions). Agent-requested rules are returned as skills for the
 * caller to write; manual rules are skipped (Codex has no way to load a rule on request).
 */
export function codexMemory(
  input: RenderInput,
  file: string,
  rep: Reporter,
  ruleSkillName: (rule: RuleText) => string,
  skillsDir: string,
): { item: Desired | undefined; ruleSkills: SkillContent[] } {
  const folded: string[] = [];
  const ruleSkills: SkillContent[] = [];
  for (const rule of input.resources) {
    if (rule.activation === 'always') {
      folded.push(foldedRule(rule));
      rep.native('rule', rule.path, `inlined in ${file}`);
    } else if (rule.activation === 'glob') {
      folded.push(foldedRule(rule));
      rep.fallback('rule', rule.path, `folded into ${file} with its "Applies to files matching" note`);
    } else if (rule.activation === 'agent-requested') {
      const name = ruleSkillName(rule);
      ruleSkills.push(ruleAsSkill(rule, name));
      rep.fallback('rule', rule.path, `rendered as the skill ${skillsDir}/${name}/ (loaded when relevant)`);
    } else {
      rep.skipped(
        'rule',
        rule.path,
        'Codex has no manual rules (loaded only when asked for); make it a skill or an always rule to use it there.',
      );
    }
  }
  if (promptless(input) && !folded.length) {
    rep.native('agent', input.agent.name, PROMPTLESS_NOTE);
    return { item: undefined, ruleSkills };
  }
  const prompt = [input.agent.prompt.replace(/\s+$/, ''), ...(folded.length ? ['## Rules', ...folded] : [])];
  rep.native('agent', input.agent.name, `section in ${file}`);
  return {
    item: {
      kind: 'section',
      path: file,
      id: input.agent.name,
      content: sectionBody(input, prompt.join('\n\n') + '\n'),
    },
    ruleSkills,
  };
}

/** The warning for an AGENTS.md longer than Codex reads. */
export function tooBigMessage(file: string, bytes: number): string {
  return (
    `${file} would be ${bytes.toLocaleString('en')} bytes; ` +
    `Codex reads only the first ${CODEX_AGENTS_MD_CAP.toLocaleString('en')} (project_doc_max_bytes). ` +
    'Pick fewer resources or raise project_doc_max_bytes in ~/.codex/config.toml.'
  );
}
