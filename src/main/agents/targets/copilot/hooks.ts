import type { HookEvent } from '../../../../shared/content';
import type { Desired } from '../../model';
import { toolName } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { RenderInput } from '../types';

const EVENTS: Partial<Record<HookEvent, string>> = {
  'session-start': 'sessionStart',
  'session-end': 'sessionEnd',
  'prompt-submit': 'userPromptSubmitted',
  'pre-tool': 'preToolUse',
  'post-tool': 'postToolUse',
  stop: 'agentStop',
  'subagent-stop': 'subagentStop',
};

const USER_HOOKS =
  'Copilot reads hooks from the repository (.github/hooks/*.json) only; install the agent at project scope (--scope project --project DIR).';

/**
 * Hooks: one file we own, `.github/hooks/<agent>.json`:
 * `{ "version": 1, "hooks": { "preToolUse": [ { "type": "command", "bash": …, "timeoutSec": n } ] } }`.
 * Copilot hooks have no matcher: a hook with one runs for every tool, and says so.
 */
export function hookItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  if (!input.hooks.length) return [];
  if (input.scope === 'user') {
    for (const h of input.hooks) rep.skipped('hook', h.name, USER_HOOKS);
    return [];
  }
  const rel = join('.github', 'hooks', `${toolName(input.agent.name, 'file')}.json`);
  const hooks: Record<string, unknown[]> = {};
  for (const h of input.hooks) {
    const ev = EVENTS[h.event];
    if (!ev) {
      rep.skipped('hook', h.name, `Copilot has no ${h.event} hook event.`);
      continue;
    }
    (hooks[ev] ??= []).push({ type: 'command', bash: h.command, ...(h.timeout ? { timeoutSec: h.timeout } : {}) });
    const m = h.matcher?.trim();
    if (m && m !== '*' && (h.event === 'pre-tool' || h.event === 'post-tool'))
      rep.fallback('hook', h.name, `written to ${rel} ${ev} without its matcher "${m}": it runs for every tool`);
    else rep.native('hook', h.name, `${rel} ${ev}`);
  }
  if (!Object.keys(hooks).length) return [];
  const content = JSON.stringify({ version: 1, hooks }, null, 2) + '\n';
  return [{ kind: 'file', path: join(base, rel), content }];
}
