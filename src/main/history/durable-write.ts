import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { failpoint } from '../failpoints';
import { toWriteError } from '../workspace/write-errors';
import { isBoundaryTemp } from '../workspace/boundary';

/** The marker in temp-file names, so a file left by a killed process is recognised and removed. */
export const TEMP_MARK = '.aicfg-tmp-';

/**
 * Writes bytes so that readers see the old or the new file, never a part: a temp file next to the target
 * (named with {@link TEMP_MARK}), fsync, rename. Symlinks are recreated as symlinks; `private` is a file only its
 * owner can read (0600: it holds a secret). Failpoints durable-write:*.
 */
export async function writeDurable(
  file: string,
  data: Buffer,
  kind: 'file' | 'executable' | 'symlink' | 'private',
): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true }).catch((e: unknown) => {
    throw toWriteError(e, file);
  });
  const tmp = path.join(
    path.dirname(file),
    `${path.basename(file).slice(0, 100)}${TEMP_MARK}${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
  );
  failpoint('durable-write:before-write');
  try {
    if (kind === 'symlink') {
      await fs.promises.symlink(data.toString('utf8'), tmp);
    } else {
      const fh = await fs.promises.open(tmp, 'wx', kind === 'executable' ? 0o755 : kind === 'private' ? 0o600 : 0o644);
      try {
        await fh.writeFile(data);
        failpoint('durable-write:after-write');
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    failpoint('durable-write:after-fsync');
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw toWriteError(e, file);
  }
  failpoint('durable-write:after-rename');
}

/** Removes the temp files a killed writer (this one, or the boundary's) left in `dir` (and below, when `recursive`). */
export function sweepTempFiles(dir: string, recursive = false): number {
  let n = 0;
  let ents: fs.Dirent[];
  try {
    ents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of ents) {
    if (e.name.includes(TEMP_MARK) || (e.isFile() && isBoundaryTemp(e.name))) {
      fs.rmSync(path.join(dir, e.name), { force: true });
      n++;
    } else if (recursive && e.isDirectory()) {
      n += sweepTempFiles(path.join(dir, e.name), true);
    }
  }
  return n;
}
