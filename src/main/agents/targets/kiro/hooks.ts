import type { HookEvent } from '../../../../shared/content';
import type { Reporter } from '../formats/report';
import type { HookContent } from '../types';

/** Canonical event -> the agent-hook trigger in a Kiro agent's `hooks`. */
const EVENTS: Partial<Record<HookEvent, string>> = {
  'session-start': 'agentSpawn',
  'prompt-submit': 'userPromptSubmit',
  'pre-tool': 'preToolUse',
  'post-tool': 'postToolUse',
  stop: 'stop',
};

/** Claude Code tool names -> Kiro's built-in tool names (for a hook's `matcher`). */
const TOOLS: Record<string, string> = {
  Bash: 'shell',
  Read: 'read',
  Grep: 'read',
  Glob: 'read',
  LS: 'read',
  Edit: 'write',
  MultiEdit: 'write',
  Write: 'write',
  NotebookEdit: 'write',
  WebFetch: 'web',
  WebSearch: 'web',
};

/** A Claude matcher (`Edit|Write`, `Bash`, `*`, `mcp__github__x`) as Kiro matchers; undefined if a part has none. */
export function kiroMatchers(matcher: string | undefined): string[] | undefined {
  if (!matcher || matcher === '*' || matcher === '.*') return ['*'];
  const out = new Set<string>();
  for (const part of matcher.split('|').map((p) => p.trim())) {
    const mcp = /^mcp__([^_]+(?:_[^_]+)*)__(.+)$/.exec(part);
    const mapped = TOOLS[part] ?? (mcp ? `@${mcp[1]}/${mcp[2] === '.*' || mcp[2] === '*' ? '*' : mcp[2]}` : undefined);
    if (!mapped) return undefined;
    out.add(mapped);
  }
  return [...out];
}

/**
 * The agent's `hooks` object: `{ agentSpawn: [{ command }], preToolUse: [{ matcher, command, timeout_ms }] }`.
 * Kiro v3 also reads standalone `.kiro/hooks/*.json`; the embedded form is what a custom agent carries with it.
 */
export function kiroHooks(hooks: ReadonlyArray<HookContent>, rep: Reporter): Record<string, unknown[]> | undefined {
  const out: Record<string, unknown[]> = {};
  for (const h of hooks) {
    const trigger = EVENTS[h.event];
    if (!trigger) {
      rep.skipped(
        'hook',
        h.name,
        `Kiro agents have no ${h.event} hook event; the hook can run on stop or agentSpawn instead.`,
      );
      continue;
    }
    const timeout = h.timeout ? { timeout_ms: h.timeout * 1000 } : {};
    if (trigger === 'preToolUse' || trigger === 'postToolUse') {
      const matchers = kiroMatchers(h.matcher);
      if (!matchers) {
        rep.skipped('hook', h.name, `its matcher "${h.matcher}" names a tool Kiro has no equivalent for.`);
        continue;
      }
      for (const m of matchers) (out[trigger] ??= []).push({ matcher: m, command: h.command, ...timeout });
      rep.native('hook', h.name, `agent hooks.${trigger} (matcher ${matchers.join(', ')})`);
    } else {
      (out[trigger] ??= []).push({ command: h.command, ...timeout });
      rep.native('hook', h.name, `agent hooks.${trigger}`);
    }
  }
  return Object.keys(out).length ? out : undefined;
}
