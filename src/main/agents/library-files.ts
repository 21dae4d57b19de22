import fs from 'node:fs';
import path from 'node:path';
import { readWalkedText } from '../workspace/boundary';
import { parseFrontmatter, tagsField } from '../library/frontmatter';
import { applyPrecedence, type SourceRoot } from '../library/tree';
import { walkLibrary } from '../library/walk';

/** One library file that wins at its path (personal over later sources over earlier ones). */
export interface LibraryFileRef {
  readonly source: string;
  readonly path: string;
  readonly abs: string;
  readonly tags: ReadonlyArray<string>;
}

interface Parsed {
  readonly stamp: string;
  readonly tags: ReadonlyArray<string>;
  readonly body: string;
  readonly title: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  /** The frontmatter's YAML error, if any. */
  readonly error?: string;
}

/** Parsed frontmatter by file, valid while the file's mtime and size are unchanged (per process). */
const cache = new Map<string, Parsed>();
/** The mtime and size each file had at the last walk, so reading a resource right after needs no second stat. */
const stamps = new Map<string, string>();
/** Each walked file's path below its source root, so it is read through the boundary against that root. */
const rels = new Map<string, string>();

function parsed(abs: string, stamp: string): Parsed {
  const hit = cache.get(abs);
  if (hit && hit.stamp === stamp) return hit;
  // Read synchronously: a knowledge file is small, and for a thousand of them one blocking read each is ~8x
  // faster than the thread-pool round trips of fs.promises (open, stat, read, close).
  const md = parseFrontmatter(readWalkedText(abs, rels.get(abs) ?? path.basename(abs)));
  const title = typeof md.frontmatter.title === 'string' ? md.frontmatter.title : '';
  const p: Parsed = {
    stamp,
    tags: tagsField(md.frontmatter),
    body: md.body,
    title,
    frontmatter: md.frontmatter,
    ...(md.error ? { error: md.error } : {}),
  };
  cache.set(abs, p);
  return p;
}

/** A knowledge file's body (without frontmatter) and title, from the same cache. */
export async function fileBody(abs: string): Promise<{ body: string; title: string }> {
  const p = fileParsed(abs);
  return { body: p.body, title: p.title };
}

/** A Markdown library file's frontmatter (as written, with its YAML error if any), body and title, cached. */
export function fileParsed(abs: string): Omit<Parsed, 'stamp'> {
  let stamp = stamps.get(abs);
  if (!stamp) {
    const st = fs.statSync(abs);
    stamp = `${st.mtimeMs}:${st.size}`;
  }
  return parsed(abs, stamp);
}

/**
 * The winning file at every path across the roots. The one place the agents domain asks the library
 * what exists, so it can switch to the persisted index (services.index) without touching callers.
 */
export async function winningFiles(roots: ReadonlyArray<SourceRoot>): Promise<LibraryFileRef[]> {
  const perRoot = await Promise.all(
    roots.map(async (root) => {
      const files = await walkLibrary(root.dir, { ignore: root.ignore ?? [] });
      return files.map((f) => {
        const stamp = `${f.mtimeMs}:${f.size}`;
        stamps.set(f.abs, stamp);
        rels.set(f.abs, f.rel);
        const tags = /\.(md|mdc|markdown)$/i.test(f.rel) ? parsed(f.abs, stamp).tags : [];
        return {
          source: root.name,
          path: f.rel,
          abs: f.abs,
          tags,
          kind: 'knowledge' as const,
          title: '',
          description: '',
          size: f.size,
          mtimeMs: f.mtimeMs,
        };
      });
    }),
  );
  return applyPrecedence(
    perRoot.flat(),
    roots.map((r) => r.name),
  )
    .filter((e) => !e.overriddenBy)
    .map((e) => ({ source: e.source, path: e.path, abs: e.abs, tags: e.tags }));
}
