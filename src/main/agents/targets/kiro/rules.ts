import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter, ruleSlugger } from '../render-helpers';
import type { RenderInput, RuleText } from '../types';

export interface SteeringOut {
  readonly items: Desired[];
  /** `file://` resources for the agent JSON: the always-on steering files. */
  readonly resources: string[];
}

/**
 * Every rule as a steering file `.kiro/steering/<slug>.md` with its `inclusion` mode: always, fileMatch (glob rules,
 * `fileMatchPattern`), auto (agent-requested, with `name` and `description`), manual (`#name` in chat). The agent's
 * `resources` list the always-on files only: Kiro loads a resource whole, which would turn a fileMatch or auto rule
 * into an always-on one.
 */
export function steering(input: RenderInput, kiroDir: string, rep: Reporter): SteeringOut {
  const items: Desired[] = [];
  const resources: string[] = [];
  const dir = join(kiroDir, 'steering');
  const slugOf = ruleSlugger(input.resources);
  for (const r of input.resources) {
    const slug = slugOf(r);
    const file = join(dir, `${slug}.md`);
    const where = input.scope === 'project' ? `.kiro/steering/${slug}.md` : file;
    items.push({
      kind: 'file',
      path: file,
      content: markdownWithFrontmatter(frontmatter(r, slug), r.body.trim() + '\n'),
    });
    if (r.activation === 'always' || (r.activation === 'glob' && !r.globs.length)) {
      resources.push(`file://${input.scope === 'project' ? `.kiro/steering/${slug}.md` : posix(file)}`);
      rep.native('rule', r.path, `${where} (inclusion: always; in the agent's resources)`);
    } else if (r.activation === 'glob') {
      rep.native('rule', r.path, `${where} (inclusion: fileMatch ${r.globs.join(', ')})`);
      if (input.scope === 'user')
        rep.warn(
          `Kiro: the rule "${r.path}" is a global fileMatch steering file (${where}); Kiro does not fire fileMatch ` +
            'steering from ~/.kiro/steering/ (kirodotdev/Kiro#9176): install the agent at project scope (--scope project --project DIR) for it to apply.',
        );
    } else if (r.activation === 'agent-requested') {
      rep.native('rule', r.path, `${where} (inclusion: auto, loaded when its description matches)`);
    } else {
      rep.native('rule', r.path, `${where} (inclusion: manual, #${slug} in chat)`);
    }
  }
  return { items, resources };
}

function frontmatter(r: RuleText, slug: string): Record<string, unknown> {
  switch (r.activation) {
    case 'glob':
      if (!r.globs.length) return { inclusion: 'always' };
      // One pattern as a string (the documented form); several as a list.
      return { inclusion: 'fileMatch', fileMatchPattern: r.globs.length === 1 ? r.globs[0] : [...r.globs] };
    case 'agent-requested':
      return { inclusion: 'auto', name: slug, description: r.description || r.title };
    case 'manual':
      return { inclusion: 'manual' };
    default:
      return { inclusion: 'always' };
  }
}

export function posix(p: string): string {
  return p
    .split('\\')
    .join('/')
    .replace(/^([A-Za-z]):/, '/$1:');
}
