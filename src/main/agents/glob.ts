import { globBody } from '../library/ignore-patterns';

/** Turns a library glob (`*`, `**`, `?`, `{a,b}`) into an anchored RegExp over "/"-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globBody(glob, { braces: true })}$`);
}

/** Whether a resource entry is a glob rather than a plain path. */
export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}
