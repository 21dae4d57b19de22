import { ENTRY_KINDS, type EntryKind } from '../../shared/library';

/** What each kind of library file is called in the UI (knowledge files are rules). */
export const KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  knowledge: 'rule',
  agent: 'agent',
  'mcp-server': 'MCP server',
  skill: 'skill',
  command: 'command',
  hook: 'hook',
  permissions: 'permissions',
};

/** One glyph per kind, for the tree's rows and the filter chips (decorative: the label says it in words). */
export const KIND_ICONS: Readonly<Record<EntryKind, string>> = {
  knowledge: '≡',
  agent: '◆',
  'mcp-server': '⚙',
  skill: '✦',
  command: '❯',
  hook: '↪',
  permissions: '⛨',
};

/** Every kind in filter order. */
export const FILTER_KINDS: ReadonlyArray<EntryKind> = ENTRY_KINDS;
