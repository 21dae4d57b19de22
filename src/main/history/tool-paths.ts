/**
 * Tool files (outside the personal workspace) live in history commits under a reserved folder, one
 * entry per absolute path, so the personal work tree is never touched to version them.
 */
export const TOOLS_PREFIX = '.ai-config-tools/';
/** Every tool path ever versioned, so a rollback knows which ones did not exist at that version. */
export const TOOLS_MANIFEST = `${TOOLS_PREFIX}manifest.json`;

/** The tree path of a tool file's copy. */
export function toolEntry(absPath: string): string {
  return TOOLS_PREFIX + 'f/' + encodeURIComponent(absPath);
}

/** The absolute path a tree entry stands for, or undefined for personal files (and the manifest). */
export function toolPathOf(entry: string): string | undefined {
  if (!entry.startsWith(TOOLS_PREFIX + 'f/')) return undefined;
  return decodeURIComponent(entry.slice(TOOLS_PREFIX.length + 2));
}

export function isReserved(entry: string): boolean {
  return entry.startsWith(TOOLS_PREFIX);
}

/** How a path is shown to a person: tool files by their real path. */
export function displayPath(entry: string): string {
  return toolPathOf(entry) ?? entry;
}

/** A user-given path (relative to the workspace, or an absolute tool path) as a tree path. */
export function entryFor(userPath: string): string {
  return userPath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(userPath)
    ? toolEntry(userPath)
    : userPath.replace(/^\.\//, '');
}
