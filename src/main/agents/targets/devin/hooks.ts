import type { HookEvent } from '../../../../shared/content';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import type { RenderInput } from '../types';

/** Canonical event -> Devin's (Claude Code-compatible) hook event in `.devin/hooks.v1.json`. */
const EVENTS: Partial<Record<HookEvent, string>> = {
  'pre-tool': 'PreToolUse',
  'post-tool': 'PostToolUse',
  'prompt-submit': 'UserPromptSubmit',
  stop: 'Stop',
  'session-start': 'SessionStart',
  'session-end': 'SessionEnd',
};

/** Claude Code tool names -> Devin's tool names (the matcher is a regex on `tool_name`). */
const TOOLS: Record<string, string> = {
  Bash: 'exec',
  Edit: 'edit',
  MultiEdit: 'edit',
  Write: 'edit',
  Read: 'read',
};

function devinMatcher(m: string | undefined): string | undefined | null {
  if (!m || m === '*' || m === '.*') return undefined;
  const parts = new Set<string>();
  for (const p of m.split('|').map((x) => x.trim())) {
    const t = TOOLS[p] ?? (p.startsWith('mcp__') ? p : undefined);
    if (!t) return null;
    parts.add(t);
  }
  return [...parts].join('|');
}

/**
 * Project scope: one `json-item` per hook in `.devin/hooks.v1.json` under its event. User scope: skipped (the docs
 * name no user-level hooks file).
 */
export function devinHooks(input: RenderInput, file: string | undefined, rep: Reporter): Desired[] {
  const items: Desired[] = [];
  for (const h of input.hooks) {
    const event = EVENTS[h.event];
    if (!event) {
      rep.skipped('hook', h.name, `Devin has no ${h.event} hook event.`);
      continue;
    }
    if (!file) {
      rep.skipped(
        'hook',
        h.name,
        'Devin reads hooks from the project (.devin/hooks.v1.json); install the agent at project scope (--scope project --project DIR).',
      );
      continue;
    }
    const matcher = devinMatcher(h.matcher);
    if (matcher === null) {
      rep.skipped('hook', h.name, `its matcher "${h.matcher}" names a tool Devin has no equivalent for.`);
      continue;
    }
    const value = {
      ...(matcher ? { matcher } : {}),
      hooks: [{ type: 'command', command: h.command, ...(h.timeout ? { timeout: h.timeout } : {}) }],
    };
    items.push({ kind: 'json-item', path: file, parent: event, id: JSON.stringify(value), value });
    rep.native('hook', h.name, `.devin/hooks.v1.json ${event}${matcher ? ` (matcher ${matcher})` : ''}`);
  }
  return items;
}
