import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/main/agents/diff';
import { globToRegExp } from '../../../src/main/agents/glob';
import { readTomlTable, removeTomlTable, writeTomlTable } from '../../../src/main/agents/slots/toml-tables';

describe('glob, diff and TOML blocks', () => {
  it('matches library globs', () => {
    expect(globToRegExp('roles/devops/**').test('roles/devops/ci-cd.md')).toBe(true);
    expect(globToRegExp('roles/**/*.md').test('roles/a/b/c.md')).toBe(true);
    expect(globToRegExp('roles/*.md').test('roles/a/b.md')).toBe(false);
    expect(globToRegExp('common/{code-review,testing-policy}.md').test('common/testing-policy.md')).toBe(true);
  });

  it('writes unified diffs with context', () => {
    const d = unifiedDiff('a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nd\nX\nf\ng\nh\n', 'f.md');
    expect(d).toBe('--- a/f.md\n+++ b/f.md\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+X\n f\n g\n h\n');
    expect(unifiedDiff('same\n', 'same\n', 'f')).toBe('');
    expect(unifiedDiff(undefined, 'new\n', 'f')).toBe('--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+new\n');
  });

  it('keeps a foreign TOML table apart from ours and refuses to write invalid TOML', () => {
    const text = '[mcp_servers.mine]\ncommand = "x"\n';
    expect(readTomlTable(text, 'c.toml', 'mcp_servers.mine')).toMatch(/^foreign:/);
    const ours = writeTomlTable(text, 'c.toml', 'mcp_servers.other', '[mcp_servers.other]\ncommand = "y"');
    expect(readTomlTable(ours, 'c.toml', 'mcp_servers.other')).toBe('[mcp_servers.other]\ncommand = "y"');
    expect(removeTomlTable(ours, 'mcp_servers.other')).toBe(text);
    expect(() => writeTomlTable(text, 'c.toml', 'mcp_servers.mine', '[mcp_servers.mine]\ncommand = "dup"')).toThrow(
      /not valid TOML/,
    );
  });
});
