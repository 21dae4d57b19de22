import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConflicts, parseConflictName } from '../../../src/main/sync/conflicts';
import { diffLines } from '../../../src/main/sync/diff';
import { tempDir } from '../../helpers/temp';

describe('conflicted-copy names', () => {
  it('Syncthing: name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext', () => {
    expect(parseConflictName('notes.sync-conflict-20260122-101530-ABCDEF7.md')).toEqual({
      provider: 'syncthing',
      original: 'notes.md',
      from: 'ABCDEF7',
      when: '2026-01-22T10:15:30',
    });
    expect(parseConflictName('archive.tar.sync-conflict-20260122-101530-ABCDEF7.gz')?.original).toBe('archive.tar.gz');
    expect(parseConflictName('Makefile.sync-conflict-20260122-101530-ABCDEF7')?.original).toBe('Makefile');
  });

  it('Nextcloud: name (conflicted copy [user] YYYY-MM-DD HHMMSS).ext and the old _conflict- form', () => {
    expect(parseConflictName('notes (conflicted copy 2026-01-22 101530).md')).toEqual({
      provider: 'nextcloud',
      original: 'notes.md',
      when: '2026-01-22T10:15:30',
    });
    expect(parseConflictName('team plan (conflicted copy alice 2026-01-22 101530).md')).toMatchObject({
      original: 'team plan.md',
      from: 'alice',
    });
    expect(parseConflictName('notes_conflict-20260122-101530.md')).toMatchObject({
      provider: 'nextcloud',
      original: 'notes.md',
    });
  });

  it("Dropbox: name (Someone's conflicted copy YYYY-MM-DD[ (n)]).ext", () => {
    expect(parseConflictName("notes (Alice's conflicted copy 2026-01-22).md")).toEqual({
      provider: 'dropbox',
      original: 'notes.md',
      from: 'Alice',
      when: '2026-01-22',
    });
    expect(parseConflictName("notes (Bob Smith's conflicted copy 2026-01-22 (1)).md")).toMatchObject({
      original: 'notes.md',
      from: 'Bob Smith',
    });
  });

  it('ordinary names are not conflicts', () => {
    for (const n of ['notes.md', 'conflicted copy.md', 'a (copy).md', 'x.sync-conflict.md'])
      expect(parseConflictName(n)).toBeUndefined();
  });

  it('finds conflicts in subfolders, skipping provider folders', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'agents'));
    fs.mkdirSync(path.join(root, '.stversions'));
    fs.writeFileSync(path.join(root, 'agents', 'dev.md'), 'x');
    fs.writeFileSync(path.join(root, 'agents', 'dev.sync-conflict-20260122-101530-ABCDEF7.md'), 'y');
    fs.writeFileSync(path.join(root, "gone (Alice's conflicted copy 2026-01-20).md"), 'z');
    fs.writeFileSync(path.join(root, '.stversions', 'dev.sync-conflict-20260122-101530-ABCDEF7.md'), 'old');
    const found = findConflicts(root);
    expect(found.map((c) => [c.path, c.original, c.originalExists])).toEqual([
      ["gone (Alice's conflicted copy 2026-01-20).md", 'gone.md', false],
      ['agents/dev.sync-conflict-20260122-101530-ABCDEF7.md', 'agents/dev.md', true],
    ]);
  });
});

describe('line diff', () => {
  it('keeps common lines and marks each side', () => {
    expect(diffLines('a\nb\nc\nd', 'a\nB\nc\nd\ne')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'mine', text: 'b' },
      { kind: 'theirs', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'same', text: 'd' },
      { kind: 'theirs', text: 'e' },
    ]);
    expect(diffLines('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});
