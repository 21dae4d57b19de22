import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBlobs } from '../../../src/main/history/pack';
import { ensureHistoryRepo } from '../../../src/main/history/repo';
import { historyFixture } from '../../helpers/history';

describe('writing blobs in one pack', () => {
  it('stores what git would (same ids, same bytes), only what is missing, sizes of every header length', async () => {
    const { h, home } = historyFixture();
    await ensureHistoryRepo(h.repo);
    const blobs = [
      Buffer.from(''),
      Buffer.from('a'),
      Buffer.from('x'.repeat(15)),
      Buffer.from('y'.repeat(16)),
      Buffer.alloc(300_000, 7),
      Buffer.from('a'),
      Buffer.from('ünïcode\r\n'),
    ];
    const ids = await writeBlobs(h.repo, blobs);
    for (const [i, b] of blobs.entries()) {
      const f = path.join(home, `b${i}`);
      fs.writeFileSync(f, b);
      expect((await h.repo.run(['hash-object', '--no-filters', f])).stdout.trim()).toBe(ids[i]);
      const back = await h.repo.run(['cat-file', 'blob', ids[i]!], { binary: true });
      expect(Buffer.compare(back.stdoutBuffer, b)).toBe(0);
    }
    const packs = () =>
      fs.readdirSync(path.join(h.repo.gitDir, 'objects', 'pack')).filter((f) => f.endsWith('.pack')).length;
    expect(packs()).toBe(1);
    await writeBlobs(h.repo, blobs.slice(1, 3));
    expect(packs()).toBe(1);
    expect((await h.repo.run(['fsck', '--full', '--strict'])).exitCode).toBe(0);
  });
});
