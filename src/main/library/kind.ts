import type { EntryKind } from '../../shared/library';

/** A file's kind, from its top-level folder: agents/ and mcp-servers/ are special, everything else is knowledge. */
export function kindOf(relPath: string): EntryKind {
  const top = relPath.split('/')[0];
  if (top === 'agents') return 'agent';
  if (top === 'mcp-servers' && relPath.endsWith('.json')) return 'mcp-server';
  return 'knowledge';
}

/** Files the library shows: text formats the app understands. */
export function isLibraryFile(name: string): boolean {
  return /\.(md|mdc|markdown|json|ya?ml|txt|toml)$/i.test(name) && !name.startsWith('.');
}
