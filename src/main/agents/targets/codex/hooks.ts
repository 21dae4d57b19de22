import type { HookEvent } from '../../../../shared/content';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import type { HookContent } from '../types';

/** Canonical events to Codex's hooks.json events (developers.openai.com/codex/hooks). */
const CODEX_EVENTS: Partial<Record<HookEvent, string>> = {
  'pre-tool': 'PreToolUse',
  'post-tool': 'PostToolUse',
  'prompt-submit': 'UserPromptSubmit',
  stop: 'Stop',
  'session-start': 'SessionStart',
  'pre-compact': 'PreCompact',
};

/** Claude tool names in a matcher to Codex's: file edits go through `apply_patch`, the shell is `Bash`. */
export function codexMatcher(m: string): string {
  const parts = m.split('|').map((p) => (/^(Edit|Write|MultiEdit|NotebookEdit)$/.test(p) ? 'apply_patch' : p));
  return [...new Set(parts)].join('|');
}

/**
 * Each hook as one element of `hooks.<Event>` in `.codex/hooks.json` (Claude's shape: `{matcher, hooks: [{type,
 * command, timeout}]}`, timeout in seconds). Events Codex has no equivalent for are skipped.
 */
export function codexHooks(hooks: ReadonlyArray<HookContent>, file: string, rep: Reporter): Desired[] {
  const items: Desired[] = [];
  for (const h of hooks) {
    const event = CODEX_EVENTS[h.event];
    if (!event) {
      rep.skipped(
        'hook',
        h.name,
        `Codex has no ${h.event} hook event (it has ${Object.values(CODEX_EVENTS).join(', ')}).`,
      );
      continue;
    }
    const tool = h.event === 'pre-tool' || h.event === 'post-tool';
    // SessionStart filters on how the session started (`startup`, `resume`), written as is; tool names are mapped.
    const matcher = !h.matcher
      ? undefined
      : tool
        ? codexMatcher(h.matcher)
        : h.event === 'session-start'
          ? h.matcher
          : undefined;
    const value = {
      ...(matcher ? { matcher } : {}),
      hooks: [{ type: 'command', command: h.command, ...(h.timeout ? { timeout: h.timeout } : {}) }],
    };
    items.push({ kind: 'json-item', path: file, parent: `hooks.${event}`, id: JSON.stringify(value), value });
    rep.native('hook', h.name, `hooks.${event} in ${file}`);
  }
  return items;
}
