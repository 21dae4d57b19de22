import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../../src/main/agents/glob';
import { ignoreMatcher } from '../../../src/main/library/ignore-patterns';

describe('one glob translation for resource globs and ignore lists', () => {
  it('resource globs: *, ?, ** across folders (also none), {a,b}; an unclosed brace is literal', () => {
    const re = globToRegExp('rules/**/*.{md,mdc}');
    expect(['rules/a.md', 'rules/x/y/b.mdc'].every((p) => re.test(p))).toBe(true);
    expect(['rules/a.txt', 'other/a.md', 'rules/a.md.bak'].some((p) => re.test(p))).toBe(false);
    expect(globToRegExp('skills/?x').test('skills/ax')).toBe(true);
    expect(globToRegExp('skills/?x').test('skills/a/x')).toBe(false);
    expect(globToRegExp('a{b').test('a{b')).toBe(true);
    expect(globToRegExp('a.(b)+').test('a.(b)+')).toBe(true);
  });

  it('ignore lists read braces literally, as gitignore does', () => {
    const m = ignoreMatcher(['docs/{old,new}.md', '**/*.draft.md']);
    expect(m.ignores('docs/{old,new}.md', false)).toBe(true);
    expect(m.ignores('docs/old.md', false)).toBe(false);
    expect(m.ignores('a/b/c.draft.md', false)).toBe(true);
  });
});
