import { isSilentPath } from '../library/walk';

/** Whether a relative path ("a/b/c.md") is left out: any segment is, except the known tool folders at the top. */
export function isIgnoredPath(rel: string): boolean {
  return isSilentPath(rel);
}
