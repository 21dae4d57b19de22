import type { AgentFrontmatter } from '../../shared/agents';
import { globToRegExp, isGlob } from './glob';
import type { ItemInfo, LintKind, SkillInfo } from './lint-kinds';
import type { Add, YamlSource } from './lint-yaml';

/** What this library folder holds of each selectable kind. */
export interface Catalog {
  readonly rules: ReadonlyArray<ItemInfo>;
  readonly skills: ReadonlyArray<SkillInfo>;
  readonly commands: ReadonlyArray<ItemInfo>;
  readonly hooks: ReadonlyArray<ItemInfo>;
  readonly permissions: ReadonlyArray<ItemInfo>;
  /** Every file the walk listed, with its kind (for "that is a skill, not a rule"). */
  readonly kinds: ReadonlyMap<string, LintKind | undefined>;
}

export const SELECTOR_FIELDS = ['rules', 'skills', 'commands', 'hooks', 'permissions'] as const;
type SelectorField = (typeof SELECTOR_FIELDS)[number];

interface Candidate {
  /** The paths a plain selector may name it by. */
  readonly paths: ReadonlyArray<string>;
  /** The paths a glob is tried against. */
  readonly globbed: ReadonlyArray<string>;
  readonly name: string;
  readonly tags: ReadonlyArray<string>;
}

const withoutExt = (rel: string): string => rel.replace(/\.[^./]+$/, '');

function candidates(field: SelectorField, c: Catalog): Candidate[] {
  if (field === 'skills')
    return c.skills.map((s) => ({
      paths: [s.path, `${s.path}/`, `${s.path}/SKILL.md`],
      globbed: [s.path, `${s.path}/SKILL.md`],
      name: s.name,
      tags: s.tags,
    }));
  const items = c[field];
  return items.map((i) => ({
    paths: field === 'rules' ? [i.rel] : [i.rel, withoutExt(i.rel)],
    globbed: [i.rel],
    name: field === 'rules' ? i.rel : i.name,
    tags: i.tags,
  }));
}

function matches(selector: string, c: Candidate): boolean {
  const s = selector.trim().replace(/^\.\//, '');
  if (s.startsWith('tag:')) {
    const tag = s.slice(4).trim().toLowerCase();
    return c.tags.some((t) => t.toLowerCase() === tag);
  }
  if (isGlob(s)) {
    const re = globToRegExp(s);
    return c.globbed.some((p) => re.test(p));
  }
  return c.name === s || c.paths.includes(s);
}

const WHAT: Record<SelectorField, string> = {
  rules: 'rule file',
  skills: 'skill (skills/<name>/SKILL.md)',
  commands: 'command (commands/<name>.md)',
  hooks: 'hook file (hooks/<name>.yaml)',
  permissions: 'permissions file (permissions/<name>.yaml)',
};

const FIELD_OF_KIND: Partial<Record<LintKind, SelectorField>> = {
  skill: 'skills',
  command: 'commands',
  hook: 'hooks',
  permissions: 'permissions',
};

/**
 * Each selector of `rules`, `skills`, `commands`, `hooks` and `permissions` must pick something in this folder;
 * otherwise a warning naming the selector (it may still resolve in another source or the personal workspace).
 */
export function lintSelectors(rel: string, agent: AgentFrontmatter, src: YamlSource, c: Catalog, add: Add): void {
  for (const field of SELECTOR_FIELDS) {
    const list = agent[field];
    const cands = candidates(field, c);
    list.forEach((selector, i) => {
      if (cands.some((cand) => matches(selector, cand))) return;
      const pos = src.at([field, i]);
      const plain = selector.trim().replace(/^\.\//, '');
      const otherKind = field === 'rules' && !isGlob(plain) ? c.kinds.get(plain) : undefined;
      const other = otherKind ? FIELD_OF_KIND[otherKind] : undefined;
      if (other) {
        add({
          file: rel,
          ...pos,
          rule: 'agent/selector-wrong-kind',
          field: `${field}[${i}]`,
          message: `rules: "${selector}" is a ${otherKind}, not a rule`,
          fix: `list it under ${other}: instead`,
        });
        return;
      }
      const how = selector.startsWith('tag:')
        ? `no ${WHAT[field]} has the tag "${selector.slice(4).trim()}"`
        : isGlob(plain)
          ? `the glob "${selector}" matches no ${WHAT[field]}`
          : `"${selector}" names no ${WHAT[field]}`;
      add({
        file: rel,
        ...pos,
        rule: 'agent/selector-unmatched',
        field: `${field}[${i}]`,
        message: `${field}: ${how} in this library`,
        fix: 'correct the selector, or add the file (it may also come from another source or your personal files)',
      });
    });
  }
}
