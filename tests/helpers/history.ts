import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { HistoryRepo } from '../../src/main/history/repo';
import { createLogger } from '../../src/main/observability/logger';
import { createHistoryService } from '../../src/main/history/service';
import { tempDir } from './temp';

/** A history service over a temp home with an empty personal workspace. */
export function historyFixture(now?: () => Date) {
  const home = tempDir();
  const work = path.join(home, 'personal');
  fs.mkdirSync(work, { recursive: true });
  const h = createHistoryService({
    gitDir: path.join(home, 'state', 'history.git'),
    lockFile: path.join(home, 'state', 'lock'),
    workTree: () => work,
    logger: createLogger({ level: 'error' }),
    backupsDir: path.join(home, 'state', 'backups'),
    ...(now ? { now } : {}),
  });
  return { home, work, h };
}

/** Damages one stored object as a bad disk would: a loose object gets other content, a packed one garbled bytes. */
export async function corruptObject(repo: HistoryRepo, sha: string): Promise<void> {
  const obj = path.join(repo.gitDir, 'objects', sha.slice(0, 2), sha.slice(2));
  if (fs.existsSync(obj)) {
    fs.chmodSync(obj, 0o644);
    fs.writeFileSync(obj, zlib.deflateSync(Buffer.from('blob 6\0ALPHA\n')));
    return;
  }
  // Snapshots store new files in packs: flip the object's compressed bytes inside its pack.
  const packDir = path.join(repo.gitDir, 'objects', 'pack');
  for (const idx of fs.readdirSync(packDir).filter((f) => f.endsWith('.idx'))) {
    const row = (await repo.run(['verify-pack', '-v', path.join(packDir, idx)])).stdout
      .split('\n')
      .find((l) => l.startsWith(sha));
    if (!row) continue;
    const [, , , inPack, offset] = row.split(/\s+/).map(Number);
    const pack = path.join(packDir, idx.replace(/\.idx$/, '.pack'));
    fs.chmodSync(pack, 0o644);
    const bytes = fs.readFileSync(pack);
    for (let i = offset! + 2; i < offset! + inPack!; i++) bytes[i] = bytes[i]! ^ 0xff;
    fs.writeFileSync(pack, bytes);
    return;
  }
  throw new Error(`object ${sha} is not in the store`);
}
