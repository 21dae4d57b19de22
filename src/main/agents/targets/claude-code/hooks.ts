import type { HookEvent } from '../../../../shared/content';
import type { Desired } from '../../model';
import type { HookContent } from '../types';
import { shown, type ClaudeContext } from './context';

/** Canonical events and Claude Code's names for them (every canonical event has one). */
export const CLAUDE_EVENTS: Readonly<Record<HookEvent, string>> = {
  'pre-tool': 'PreToolUse',
  'post-tool': 'PostToolUse',
  'prompt-submit': 'UserPromptSubmit',
  stop: 'Stop',
  'subagent-stop': 'SubagentStop',
  'session-start': 'SessionStart',
  'session-end': 'SessionEnd',
  'pre-compact': 'PreCompact',
  notification: 'Notification',
};

/**
 * Events whose hooks Claude Code filters by a matcher: the tool name (tool events), how the session started or ended,
 * the subagent type, what triggered the compaction, the notification type. UserPromptSubmit and Stop have none.
 */
const MATCHER_EVENTS: ReadonlySet<HookEvent> = new Set([
  'pre-tool',
  'post-tool',
  'subagent-stop',
  'session-start',
  'session-end',
  'pre-compact',
  'notification',
]);

/**
 * Hooks: one element of `hooks.<Event>` in `.claude/settings.json` (or `~/.claude/settings.json`) per hook, merged
 * beside the user's own. The matcher is written for every event that has one (MATCHER_EVENTS).
 */
export function renderHooks(c: ClaudeContext): Desired[] {
  const items: Desired[] = [];
  const seen = new Set<string>();
  for (const hook of c.input.hooks) {
    const parent = `hooks.${CLAUDE_EVENTS[hook.event]}`;
    const value = hookValue(hook);
    const id = JSON.stringify(value);
    c.reporter.native('hook', hook.name, `${shown(c, c.settingsFile)} ${parent}`);
    if (seen.has(`${parent}\0${id}`)) continue;
    seen.add(`${parent}\0${id}`);
    items.push({ kind: 'json-item', path: c.settingsFile, parent, id, value });
  }
  return items;
}

function hookValue(hook: HookContent): Record<string, unknown> {
  const command = {
    type: 'command',
    command: hook.command,
    ...(hook.timeout !== undefined ? { timeout: hook.timeout } : {}),
  };
  return {
    ...(MATCHER_EVENTS.has(hook.event) && hook.matcher ? { matcher: hook.matcher } : {}),
    hooks: [command],
  };
}
