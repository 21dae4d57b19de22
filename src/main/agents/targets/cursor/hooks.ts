import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { HookContent, RenderInput } from '../types';

const SHELL = /^(bash|shell)$/i;
const MCP = /^mcp(__.*|\b.*)?$/i;
const EDIT = /^(edit|write|multiedit)$/i;

/** Cursor's event(s) for one canonical hook, or why it has none. */
export function cursorEvents(h: HookContent): { events: string[] } | { skip: string } {
  const parts = (h.matcher ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  switch (h.event) {
    case 'pre-tool': {
      const kinds = parts.map((p) =>
        SHELL.test(p) ? 'beforeShellExecution' : MCP.test(p) ? 'beforeMCPExecution' : '',
      );
      const events = kinds.includes('') ? new Set<string>() : new Set(kinds);
      if (events.size) return { events: [...events] };
      return {
        skip:
          `Cursor runs hooks before shell commands (matcher Bash) and MCP calls only, not before ` +
          `"${h.matcher ?? '*'}"; narrow the matcher to Bash or mcp__… to install it.`,
      };
    }
    case 'post-tool':
      if (parts.length && parts.every((p) => EDIT.test(p))) return { events: ['afterFileEdit'] };
      return {
        skip: `Cursor runs hooks after file edits only (matcher Edit|Write), not after "${h.matcher ?? '*'}".`,
      };
    case 'prompt-submit':
      return { events: ['beforeSubmitPrompt'] };
    case 'stop':
      return { events: ['stop'] };
    default:
      return { skip: `Cursor has no ${h.event} hook event.` };
  }
}

/**
 * Hooks as single entries in `.cursor/hooks.json` (user `~/.cursor/hooks.json`):
 * `{ "version": 1, "hooks": { "<event>": [ { "command": … } ] } }`, shared with the user's own hooks.
 */
export function hookItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  const file = join(base, '.cursor', 'hooks.json');
  const shown = input.scope === 'user' ? '~/.cursor/hooks.json' : '.cursor/hooks.json';
  const items: Desired[] = [];
  for (const h of input.hooks) {
    const m = cursorEvents(h);
    if ('skip' in m) {
      rep.skipped('hook', h.name, m.skip);
      continue;
    }
    const value = { command: h.command, ...(h.timeout ? { timeout: h.timeout } : {}) };
    for (const ev of m.events)
      items.push({ kind: 'json-item', path: file, parent: `hooks.${ev}`, id: JSON.stringify(value), value });
    rep.native('hook', h.name, `${shown} ${m.events.join(', ')}`);
  }
  if (items.length) items.unshift({ kind: 'json-key', path: file, parent: '', id: 'version', value: 1 });
  return items;
}
