import type { Desired } from '../../model';
import { skillItems } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { RenderInput } from '../types';
import { posix } from './rules';

/** Skills as whole folders in `.kiro/skills/<name>/`, each a `skill://` resource of the agent. */
export function skills(input: RenderInput, kiroDir: string, rep: Reporter): { items: Desired[]; resources: string[] } {
  const names = new NameMap('skills', 'Kiro');
  const items: Desired[] = [];
  const resources: string[] = [];
  for (const s of input.skills) {
    const { name, mapped } = names.take(s.name, 'skill');
    const dir = join(kiroDir, 'skills');
    items.push(...skillItems(s, dir, name));
    const rel = `.kiro/skills/${name}/SKILL.md`;
    resources.push(`skill://${input.scope === 'project' ? rel : posix(join(dir, name, 'SKILL.md'))}`);
    rep.native(
      'skill',
      s.name,
      input.scope === 'project' ? `.kiro/skills/${name}/` : join(dir, name),
      mapped ? name : undefined,
    );
  }
  return { items, resources };
}
