import type { Desired } from '../../model';
import { commandAsSkill, commandBody } from '../formats/kinds';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter } from '../render-helpers';
import type { RenderInput } from '../types';
import type { OwnedNames } from './names';
import { oneSkill } from './skills';

/** A prompt file `.github/prompts/<name>.prompt.md`: run in chat as `/<name>`. */
export function promptFile(
  base: string,
  name: string,
  fm: Record<string, unknown>,
  body: string,
): { item: Desired; rel: string } {
  const rel = join('.github', 'prompts', `${name}.prompt.md`);
  return { item: { kind: 'file', path: join(base, rel), content: markdownWithFrontmatter(fm, body) }, rel };
}

/**
 * Commands: prompt files (`description`, `agent: agent`, `argument-hint`, `model`; `$ARGUMENTS` -> `${input:args}`).
 * User scope: the Copilot CLI has no prompt files, so a command becomes a skill in `~/.copilot/skills/`.
 */
export function commandItems(
  input: RenderInput,
  base: string,
  prompts: OwnedNames,
  skills: OwnedNames,
  rep: Reporter,
): Desired[] {
  return input.commands.flatMap((c) => {
    if (input.scope === 'user') {
      const r = oneSkill(input, base, skills, commandAsSkill(c, c.name), `command "${c.name}"`);
      rep.fallback('command', c.name, `rendered as a skill in ${r.where} (no user-level prompt files)`, r.mapped);
      return r.items;
    }
    const n = prompts.take(c.name, `command "${c.name}"`);
    const fm = {
      description: c.description || undefined,
      agent: 'agent',
      'argument-hint': c.argumentHint,
      model: c.model,
    };
    const p = promptFile(base, n.name, fm, commandBody(c, '${input:args}'));
    rep.native('command', c.name, p.rel, n.mapped ? n.name : undefined);
    return [p.item];
  });
}
