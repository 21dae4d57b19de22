import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../shared/library';
import { describeFile } from '../library/describe';
import { frontmatterFence } from '../library/frontmatter';
import { kindOf } from '../library/kind';
import { markdownHeader } from './fast-frontmatter';
import { ownString } from './own-string';

/** What discovery keeps about one file (the body is never kept; it is re-read on demand). */
export interface FileRecord extends Pick<
  LibraryEntry,
  'source' | 'path' | 'kind' | 'title' | 'description' | 'tags' | 'size' | 'mtimeMs'
> {
  /** SHA-1 of the content, hex. */
  readonly hash: string;
  /** Rough LLM token count: characters / 4. */
  readonly tokens: number;
}

export interface ReadResult {
  readonly record: FileRecord;
  /** The text the search index reads as the body (Markdown without its frontmatter). */
  readonly body: string;
  /** Where that body starts in the file's bytes. */
  readonly bodyByte: number;
}

/** Reads one file and describes it: hash, header fields, kind, token estimate, and its searchable body. */
export function describeContent(
  source: string,
  rel: string,
  buf: Buffer,
  stat: { size: number; mtimeMs: number },
): ReadResult {
  const hash = createHash('sha1').update(buf).digest('hex');
  const text = buf.toString('utf8');
  const fallback = path.posix.basename(rel).replace(/\.[^.]+$/, '');
  let title: string;
  let description = '';
  let tags: string[] = [];
  let body = text;
  if (/\.(md|mdc|markdown)$/i.test(rel)) {
    const h = markdownHeader(text, fallback);
    ({ title, description, tags } = h);
    body = h.bodyStart ? text.slice(h.bodyStart) : text;
  } else if (/\.json$/i.test(rel)) {
    ({ title, description, tags } = describeFile(rel, text));
  } else title = fallback;
  const skipped = text.length - body.length;
  // Every byte is one UTF-16 unit when the lengths agree (ASCII, or bytes decoded one by one as U+FFFD).
  const bodyByte =
    skipped === 0 ? 0 : buf.byteLength === text.length ? skipped : Buffer.byteLength(text.slice(0, skipped));
  return {
    record: {
      source,
      path: rel,
      kind: kindOf(rel),
      title: ownString(title),
      description: ownString(description),
      tags: tags.map(ownString),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      hash,
      tokens: Math.ceil(text.length / 4),
    },
    body,
    bodyByte,
  };
}

/** The searchable body of a file without parsing its header: Markdown minus frontmatter, anything else whole. */
export function bodyOf(rel: string, text: string): string {
  if (!/\.(md|mdc|markdown)$/i.test(rel)) return text;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fence = frontmatterFence(bom ? text.slice(1) : text);
  return fence ? text.slice(bom + fence.bodyStart) : text;
}

/**
 * Reads whole files with synchronous calls into one reused buffer: for thousands of small files several times
 * faster than `fs.promises.readFile` (no thread-pool round trips, no buffer per file). The caller yields to the
 * event loop between slices of work.
 */
export class FileReader {
  private buf = Buffer.allocUnsafe(1 << 20);

  /** The file's bytes, valid until the next call; undefined when it vanished or is not a readable file. */
  read(abs: string, sizeHint: number): Buffer | undefined {
    let fd: number;
    try {
      // O_NOFOLLOW: a file swapped for a symlink after the (l)stat is never read through (ELOOP: treated as gone).
      fd = fs.openSync(abs, READ_NOFOLLOW);
    } catch (e) {
      if (gone(e)) return undefined;
      throw e;
    }
    try {
      if (this.buf.length <= sizeHint) this.buf = Buffer.allocUnsafe(Math.max(sizeHint + 1, this.buf.length * 2));
      let n = 0;
      for (;;) {
        if (n === this.buf.length) {
          const next = Buffer.allocUnsafe(this.buf.length * 2);
          this.buf.copy(next);
          this.buf = next;
        }
        const r = fs.readSync(fd, this.buf, n, this.buf.length - n, null);
        if (r === 0) break;
        n += r;
      }
      return this.buf.subarray(0, n);
    } catch (e) {
      if (gone(e)) return undefined;
      throw e;
    } finally {
      fs.closeSync(fd);
    }
  }
}

function gone(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'ELOOP' || code === 'ENOTDIR';
}

const READ_NOFOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapPool<T, R>(
  items: ReadonlyArray<T>,
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
