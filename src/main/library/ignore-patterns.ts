/**
 * A source's ignore list (settings `sources[].ignore`), matched like .gitignore: `*` and `?` within a name, `**`
 * across folders, a pattern without a slash matches a name at any depth (`*.draft.md`), one with a slash is
 * anchored at the source root (`docs/**`, `/notes.md`), a trailing slash matches folders only, and `!pattern`
 * takes a path back (the last matching pattern wins). A folder that is ignored ignores everything below it.
 */
export interface IgnoreMatcher {
  /** Whether the path (relative, `/` separators) is ignored; `dir` when it names a folder. */
  ignores(rel: string, dir: boolean): boolean;
  /** The path's own match, for a walk that has already left out ignored folders above it. */
  matches(rel: string, dir: boolean): boolean;
  readonly empty: boolean;
}

interface Rule {
  readonly re: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
}

const escapeRe = (s: string): string => s.replace(/[.+^$()|[\]\\{}]/g, '\\$&');

/**
 * A glob as RegExp source (unanchored) over "/"-separated paths: `*` and `?` within a name, `**` across folders
 * (`**\/` also matches no folder). With `braces`, `{a,b}` is either alternative (library resource globs); without,
 * braces are literal (gitignore). Shared by the ignore list and agents/glob.ts.
 */
export function globBody(glob: string, opts: { readonly braces?: boolean } = {}): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const end = opts.braces && c === '{' ? glob.indexOf('}', i) : -1;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (end > i) {
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(escapeRe)
        .join('|')})`;
      i = end;
    } else re += escapeRe(c);
  }
  return re;
}

/** One pattern as a rule, or undefined for a blank line or a `#` comment. */
function compile(raw: string): Rule | undefined {
  let p = raw.trim();
  if (!p || p.startsWith('#')) return undefined;
  const negate = p.startsWith('!');
  if (negate) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  if (!p) return undefined;
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  const body = globBody(p);
  return { re: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`), negate, dirOnly };
}

const compiled = new WeakMap<ReadonlyArray<string>, IgnoreMatcher>();
const NONE: ReadonlyArray<string> = [];

/**
 * The matcher for a list of patterns (invalid entries were refused by the settings schema), compiled once per
 * list: a watcher batch classifies each changed path with its source's list.
 */
export function ignoreMatcher(patterns: ReadonlyArray<string> = NONE): IgnoreMatcher {
  let m = compiled.get(patterns);
  if (!m) compiled.set(patterns, (m = compileMatcher(patterns)));
  return m;
}

function compileMatcher(patterns: ReadonlyArray<string>): IgnoreMatcher {
  const rules = patterns.map(compile).filter((r): r is Rule => !!r);
  const test = (rel: string, dir: boolean): boolean => {
    let out = false;
    for (const r of rules) if ((dir || !r.dirOnly) && r.re.test(rel)) out = !r.negate;
    return out;
  };
  return {
    empty: rules.length === 0,
    matches: (rel, dir) => rules.length > 0 && test(rel, dir),
    ignores(rel, dir) {
      if (!rules.length) return false;
      // An ignored folder hides everything below it (as in Git, a file in it cannot be taken back).
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) if (test(parts.slice(0, i).join('/'), true)) return true;
      return test(rel, dir);
    },
  };
}
