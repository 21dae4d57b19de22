import type { HookEvent } from '../../../../shared/content';
import type { Desired } from '../../model';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import type { HookContent } from '../types';

/** Canonical events to Antigravity's (hooks.json: PreToolUse, PostToolUse, PreInvocation, PostInvocation, Stop). */
const AGY_EVENTS: Partial<Record<HookEvent, string>> = {
  'pre-tool': 'PreToolUse',
  'post-tool': 'PostToolUse',
  stop: 'Stop',
};

const AGY_TOOLS: Readonly<Record<string, string>> = {
  Bash: 'run_command',
  Edit: 'replace_file_content|multi_replace_file_content',
  MultiEdit: 'multi_replace_file_content',
  Write: 'write_to_file',
  Read: 'view_file',
};

export function agyMatcher(m: string): string {
  const parts = m.split('|').flatMap((p) => (AGY_TOOLS[p] ?? p).split('|'));
  return [...new Set(parts)].join('|');
}

/**
 * hooks.json maps a hook's name to its events: `{"<name>": {"PreToolUse": [{matcher, hooks: [{type, command,
 * timeout}]}]}}`. Each hook is one element of `<name>.<Event>` (json-item); the name is a slug (no dots).
 */
export function agyHooks(hooks: ReadonlyArray<HookContent>, file: string, shown: string, rep: Reporter): Desired[] {
  const names = new NameMap('hooks', 'Antigravity CLI');
  const items: Desired[] = [];
  for (const h of hooks) {
    const event = AGY_EVENTS[h.event];
    if (!event) {
      rep.skipped(
        'hook',
        h.name,
        `Antigravity CLI has no ${h.event} hook event (it has PreToolUse, PostToolUse, PreInvocation, ` +
          'PostInvocation and Stop; PreInvocation runs before every model call, not once per prompt).',
      );
      continue;
    }
    const n = names.take(h.name, 'skill');
    const tool = h.event === 'pre-tool' || h.event === 'post-tool';
    const value = {
      ...(tool && h.matcher ? { matcher: agyMatcher(h.matcher) } : {}),
      hooks: [{ type: 'command', command: h.command, ...(h.timeout ? { timeout: h.timeout } : {}) }],
    };
    const parent = `${n.name}.${event}`;
    items.push({ kind: 'json-item', path: file, parent, id: JSON.stringify(value), value });
    rep.native('hook', h.name, `${parent} in ${shown}`, n.mapped ? n.name : undefined);
  }
  return items;
}
