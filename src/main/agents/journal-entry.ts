/** A journal entry: the file and what it held before (nothing when it did not exist). */
export function beforeOf(f: { readonly path: string; readonly before?: string | undefined }): {
  path: string;
  before?: string;
} {
  return { path: f.path, ...(f.before !== undefined ? { before: f.before } : {}) };
}
