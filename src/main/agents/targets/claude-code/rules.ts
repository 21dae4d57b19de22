import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Desired } from '../../model';
import { ruleAsSkill, skillItems } from '../formats/kinds';
import { toolName, type NameFormat } from '../formats/names';
import { markdownWithFrontmatter } from '../render-helpers';
import type { RuleText } from '../types';
import { LABEL, shown, type ClaudeContext } from './context';

const USER_PATHS_ISSUE = 'anthropics/claude-code#87217';

/**
 * Rules: always and glob rules are copied to `.claude/rules/<slug>.md` (glob rules with `paths:`), agent-requested
 * rules become skills (loaded when their description fits), manual rules become commands (run as `/<slug>`).
 * The slug is the library path without `rules/` and the extension (`roles/devops/ci-cd.md` -> `roles-devops-ci-cd`).
 * Returns the items and the names of the skills made from rules (the subagent lists them).
 */
export function renderRules(c: ClaudeContext): { items: Desired[]; skills: string[] } {
  const items: Desired[] = [];
  const skills: string[] = [];
  const names = {
    file: new Names(),
    skill: new Names(c.input.skills.map((s) => [toolName(s.name, 'skill'), `the skill "${s.name}"`])),
    command: new Names(c.input.commands.map((x) => [toolName(x.name, 'skill'), `the command "${x.name}"`])),
  };
  for (const rule of c.input.resources) {
    const id = rule.path.replace(/\.[^./]+$/, '').replace(/^rules\//, '');
    if (rule.activation === 'agent-requested') {
      const name = names.skill.claim(rule, id, 'skill');
      const dir = path.join(c.dir, 'skills');
      items.push(...skillItems(ruleAsSkill(rule, name), dir));
      skills.push(name);
      c.reporter.fallback(
        'rule',
        rule.path,
        `rendered as the skill ${shown(c, path.join(dir, name))}/, which Claude Code loads when its description fits`,
      );
    } else if (rule.activation === 'manual') {
      const name = names.command.claim(rule, id, 'skill');
      const file = path.join(c.dir, 'commands', `${name}.md`);
      items.push({ kind: 'file', path: file, content: ruleAsCommand(rule) });
      c.reporter.fallback('rule', rule.path, `rendered as the command /${name} in ${shown(c, file)}`);
    } else {
      items.push(ruleFile(c, rule, names.file.claim(rule, id, 'file')));
    }
  }
  return { items, skills };
}

/** Tool names taken in one folder, by what took them; a rule may not take a name another item holds. */
class Names {
  private readonly taken: Map<string, string>;
  constructor(seed: ReadonlyArray<[string, string]> = []) {
    this.taken = new Map(seed);
  }

  claim(rule: RuleText, id: string, format: NameFormat): string {
    const name = toolName(id, format);
    const me = `the rule "${rule.path}"`;
    const other = this.taken.get(name);
    if (other !== undefined && other !== me)
      throw new AppError(
        'CONFLICT',
        `${other[0]!.toUpperCase()}${other.slice(1)} and ${me} would both be "${name}" in ${LABEL}.`,
        'Rename one of them in the library so their names differ in more than folder, punctuation and case.',
      );
    this.taken.set(name, me);
    return name;
  }
}

function ruleFile(c: ClaudeContext, rule: RuleText, slug: string): Desired {
  const file = path.join(c.dir, 'rules', `${slug}.md`);
  const scoped = rule.activation === 'glob' && rule.globs.length > 0;
  const fm: Record<string, unknown> = {
    ...(rule.description ? { description: rule.description } : {}),
    ...(scoped ? { paths: [...rule.globs] } : {}),
  };
  const body = rule.body.trim() + '\n';
  const content = Object.keys(fm).length ? markdownWithFrontmatter(fm, body) : body;
  c.reporter.native('rule', rule.path, scoped ? `${shown(c, file)} (paths: ${rule.globs.join(', ')})` : shown(c, file));
  if (scoped && c.input.scope === 'user')
    c.reporter.warn(
      `${LABEL}: the rule "${rule.path}" is written to ${shown(c, file)}, but Claude Code does not load ` +
        `user-level rules with \`paths\` (${USER_PATHS_ISSUE}); install the agent at project scope (--scope project --project DIR) to scope it.`,
    );
  return { kind: 'file', path: file, content };
}

function ruleAsCommand(rule: RuleText): string {
  return markdownWithFrontmatter({ description: rule.description || rule.title || rule.path }, rule.body.trim() + '\n');
}
