import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SkippedNotice } from '../../src/renderer/components/SkippedNotice';
import { LibraryTree } from '../../src/renderer/components/tree-model';
import type { SourceSkips } from '../../src/shared/library';

const team: SourceSkips = {
  source: 'team',
  total: 9,
  reasons: [
    { reason: 'ignored-by-pattern', count: 6, examples: ['docs/a.md', 'docs/b.md'] },
    { reason: 'symlink-outside-root', count: 2, examples: ['escape.md', 'x/link.md'] },
    { reason: 'too-large', count: 1, examples: ['big.md'] },
  ],
};
const quiet: SourceSkips = { source: 'starter', total: 0, reasons: [] };

describe('the skipped files notice above the library tree', () => {
  it('shows "N skipped" per source with each reason, its count and example paths', () => {
    const html = renderToStaticMarkup(<SkippedNotice skipped={[quiet, team]} />);
    expect(html).toContain('9 skipped');
    expect(html).toContain('data-source="team"');
    expect(html).not.toContain('data-source="starter"');
    expect(html).toContain('ignored by the source&#x27;s ignore list: 6');
    expect(html).toContain('(docs/a.md, docs/b.md, …)');
    expect(html).toContain('symlink out of the source folder: 2');
    expect(html).toContain('(escape.md, x/link.md)');
    expect(html).toContain('too large: 1');
    // The tooltip says it in one line per reason.
    expect(html).toMatch(
      /title="6 ignored by the source&#x27;s ignore list\n2 symlink out of the source folder\n1 too large"/,
    );
  });

  it('renders nothing when no source skipped a file', () => {
    expect(renderToStaticMarkup(<SkippedNotice skipped={[quiet]} />)).toBe('');
  });

  it('the tree model keeps the counts from outlines and deltas, and a change bumps its version', () => {
    const tree = new LibraryTree([], ['team']);
    const v = tree.version;
    tree.setSkipped([team]);
    expect(tree.skippedTotal).toBe(9);
    expect(tree.version).toBe(v + 1);
    tree.setSkipped([{ ...team }]);
    expect(tree.version).toBe(v + 1);
    tree.setSkipped(undefined);
    expect(tree.skippedTotal).toBe(9);
    tree.setSkipped([quiet]);
    expect(tree.skippedTotal).toBe(0);
  });
});
