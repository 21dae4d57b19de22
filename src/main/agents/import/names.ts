import { LONE_SURROGATE, skillSlug } from '../targets/formats/names';

/** Names the importer gives library files: the original where the library accepts it, else the nearest safe one. */

// Characters no file system (or `/`-separated library path) takes in a name, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\\0:*?"<>|\u0001-\u001f\u007f]+/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** A file name that keeps case, dots and non-ASCII letters; only what a file system refuses is replaced. */
export function fileName(raw: string): string {
  let s = raw
    .replace(LONE_SURROGATE, '-')
    .replace(UNSAFE, '-')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (RESERVED.test(s)) s = `${s}-file`;
  // At most 100 UTF-8 bytes, whole code points.
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    bytes += Buffer.byteLength(ch);
    if (bytes > 100) break;
    out += ch;
  }
  return out || 'imported';
}

/** An agent or MCP server name: the library's `[a-z0-9][a-z0-9._-]*` (64), dots kept. */
export function libraryName(raw: string): string {
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .replace(/-+$/, '')
      .slice(0, 64)
      .replace(/[-.]+$/, '') || 'imported'
  );
}

/** A skill name: lower-case letters, digits and single hyphens (the Agent Skills spec), 64 at most. */
export function skillName(raw: string): string {
  return skillSlug(raw) || 'imported';
}

/** The last path segment of a `/`-separated path. */
export function baseOf(rel: string): string {
  return rel.split('/').pop() ?? rel;
}

/** The folder part of a `/`-separated path ('' at the root). */
export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
