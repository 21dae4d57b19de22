import type { HookEvent } from '../../../../shared/content';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import type { HookContent } from '../types';
import { geminiMatcher } from './tools';

/** Canonical events to Gemini CLI's (`hooks` in settings.json, geminicli.com/docs/hooks). */
const GEMINI_EVENTS: Partial<Record<HookEvent, string>> = {
  'pre-tool': 'BeforeTool',
  'post-tool': 'AfterTool',
  'prompt-submit': 'BeforeAgent',
  stop: 'AfterAgent',
  'session-start': 'SessionStart',
  'session-end': 'SessionEnd',
  'pre-compact': 'PreCompress',
  notification: 'Notification',
};

/** Each hook as one element of `hooks.<Event>` in settings.json; timeout in milliseconds, tool names mapped. */
export function geminiHooks(hooks: ReadonlyArray<HookContent>, file: string, rep: Reporter): Desired[] {
  const items: Desired[] = [];
  for (const h of hooks) {
    const event = GEMINI_EVENTS[h.event];
    if (!event) {
      rep.skipped('hook', h.name, `Gemini CLI has no ${h.event} hook event (it has no subagents).`);
      continue;
    }
    const tool = h.event === 'pre-tool' || h.event === 'post-tool';
    // Lifecycle events match an exact value (SessionStart `startup`, PreCompress `auto`...): written as is.
    const matcher = !h.matcher ? undefined : tool ? geminiMatcher(h.matcher) : h.matcher;
    const value = {
      ...(matcher ? { matcher } : {}),
      hooks: [
        {
          name: h.name,
          type: 'command',
          command: h.command,
          ...(h.description ? { description: h.description } : {}),
          ...(h.timeout ? { timeout: h.timeout * 1000 } : {}),
        },
      ],
    };
    items.push({ kind: 'json-item', path: file, parent: `hooks.${event}`, id: JSON.stringify(value), value });
    rep.native('hook', h.name, `hooks.${event} in ${file}`);
  }
  return items;
}
