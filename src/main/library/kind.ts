import type { EntryKind } from '../../shared/library';
import { inToolArea, toolKindOf } from './tool-folders';

/**
 * A file's kind, from its path: `agents/*`, `mcp-servers/*.json`, `skills/<name>/**` (a skill folder, every file of
 * it), `commands/**.md`, `hooks/*.{yaml,yml,json}` and `permissions/*.{yaml,yml,json}`; everything else is knowledge
 * (rules). A file in a known tool folder (`.cursor/rules/*.mdc`, `.claude/agents/*.md`, `.mcp.json`...) has the
 * kind of that folder (tool-folders.ts).
 */
export function kindOf(relPath: string): EntryKind {
  if (inToolArea(relPath)) return toolKindOf(relPath) ?? 'knowledge';
  const parts = relPath.split('/');
  const top = parts[0];
  if (top === 'agents') return 'agent';
  if (top === 'mcp-servers' && relPath.endsWith('.json')) return 'mcp-server';
  if (top === 'skills' && parts.length >= 3) return 'skill';
  if (top === 'commands' && parts.length >= 2 && /\.md$/i.test(relPath)) return 'command';
  if (top === 'hooks' && parts.length === 2 && /\.(ya?ml|json)$/i.test(relPath)) return 'hook';
  if (top === 'permissions' && parts.length === 2 && /\.(ya?ml|json)$/i.test(relPath)) return 'permissions';
  return 'knowledge';
}

/** Files the library shows: text formats the app understands. */
export function isLibraryFile(name: string): boolean {
  return /\.(md|mdc|markdown|json|ya?ml|txt|toml)$/i.test(name) && !name.startsWith('.');
}
