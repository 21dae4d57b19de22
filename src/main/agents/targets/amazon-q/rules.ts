import type { Desired } from '../../model';
import { foldedRule } from '../formats/kinds';
import { installIntoHint, type Reporter } from '../formats/report';
import { join, ruleSlugger } from '../render-helpers';
import type { RenderInput } from '../types';
import { posix } from '../kiro/rules';

/**
 * Rules copied into `.amazonq/rules/<slug>.md` (`~/.aws/amazonq/rules/` at user scope) and listed as `file://`
 * resources, relative to the workspace at project scope: never a library path. The legacy Q CLI loads a resource
 * whole: glob and agent-requested rules are included with their "Applies to" / "Use when" note; manual rules are
 * skipped (there is no way to load one on request).
 */
export function qRules(input: RenderInput, base: string, rep: Reporter): { items: Desired[]; resources: string[] } {
  const dir = input.scope === 'project' ? join(base, '.amazonq', 'rules') : join(base, '.aws', 'amazonq', 'rules');
  const items: Desired[] = [];
  const resources: string[] = [];
  const kiro = installIntoHint(input.agent.name, 'kiro');
  const slugOf = ruleSlugger(input.resources);
  for (const r of input.resources) {
    if (r.activation === 'manual') {
      rep.skipped('rule', r.path, `the legacy Q CLI has no manual rules (Kiro has manual steering); ${kiro}.`);
      continue;
    }
    const slug = slugOf(r);
    const file = join(dir, `${slug}.md`);
    const rel = `.amazonq/rules/${slug}.md`;
    const always = r.activation === 'always' || (r.activation === 'glob' && !r.globs.length);
    items.push({ kind: 'file', path: file, content: (always ? r.body.trim() : foldedRule(r)) + '\n' });
    resources.push(`file://${input.scope === 'project' ? rel : posix(file)}`);
    const where = input.scope === 'project' ? rel : file;
    if (always) rep.native('rule', r.path, `${where} (agent resource)`);
    else
      rep.fallback(
        'rule',
        r.path,
        `copied to ${where} and loaded always, with a note on when it applies: the legacy Q CLI has no ` +
          `${r.activation === 'glob' ? 'file-pattern' : 'on-request'} rules; ${kiro}`,
      );
  }
  return { items, resources };
}
