import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyFixture } from '../../helpers/history';
import { snapshotTree } from '../../helpers/temp';
import { testContext } from '../../helpers/app';

const CHARS = [...'abcXYZ019 éü漢字._-', '😀'];
const segment = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''))
  .filter(
    (s) =>
      s.trim() === s &&
      ![
        '.',
        '..',
        '.git',
        '.DS_Store',
        '.stfolder',
        '.stversions',
        '.dropbox',
        'Thumbs.db',
        '.ai-config-tools',
      ].includes(s) &&
      !s.endsWith('~') &&
      !s.endsWith('.swp'),
  );
const relPath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((p) => p.join('/'));
const content = fc.oneof(
  fc.constant(new Uint8Array()),
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
);

/** A file tree: no path is both a file and a folder. */
const fileTree = fc.dictionary(relPath, content, { minKeys: 1, maxKeys: 12 }).map((t) => {
  const keys = Object.keys(t).sort();
  return Object.fromEntries(keys.filter((k) => !keys.some((o) => o.startsWith(k + '/'))).map((k) => [k, t[k]!]));
});

function writeTree(root: string, tree: Record<string, Uint8Array>): void {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  for (const [p, bytes] of Object.entries(tree)) {
    const abs = path.join(root, ...p.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, bytes);
  }
}

const asSnapshot = (tree: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(tree).map(([k, v]) => [k.normalize(), Buffer.from(v).toString('base64')]));
const normalized = (snap: Record<string, string>) =>
  Object.fromEntries(Object.entries(snap).map(([k, v]) => [k.normalize(), v]));

describe('history properties', () => {
  it('snapshot then restore round-trips arbitrary file trees (spaces, unicode, empty files, deep nesting)', async () => {
    await fc.assert(
      fc.asyncProperty(fileTree, fileTree, async (t1, t2) => {
        const { work, h } = historyFixture();
        writeTree(work, t1);
        const v1 = (await h.record({ operation: 'test.t1', correlationId: 'p' }))!;
        writeTree(work, t2);
        await h.record({ operation: 'test.t2', correlationId: 'p' });
        expect(normalized(snapshotTree(work))).toEqual(asSnapshot(t2));
        await h.rollback({ version: v1 }, testContext());
        expect(normalized(snapshotTree(work))).toEqual(asSnapshot(t1));
      }),
      { numRuns: 10 },
    );
  });

  it('diff then rollback of one file restores its bytes exactly and touches nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(relPath, content, content, fileTree, async (file, a, b, others) => {
        fc.pre(!Object.keys(others).some((k) => k === file || k.startsWith(file + '/') || file.startsWith(k + '/')));
        const { work, h } = historyFixture();
        writeTree(work, { ...others, [file]: a });
        const v1 = (await h.record({ operation: 'test.a', correlationId: 'p' }))!;
        const abs = path.join(work, ...file.split('/'));
        fs.writeFileSync(abs, b);
        const v2 = (await h.record({ operation: 'test.b', correlationId: 'p' }))!;
        const d = await h.diff(v1, v2, file);
        if (Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0) expect(d.files).toEqual([]);
        else expect(d.files.map((f) => f.path)).toEqual([file]);
        await h.rollback({ version: v1, path: file }, testContext());
        expect(Buffer.compare(fs.readFileSync(abs), Buffer.from(a))).toBe(0);
        expect(normalized(snapshotTree(work))).toEqual(asSnapshot({ ...others, [file]: a }));
      }),
      { numRuns: 10 },
    );
  });
});
