import { HOOK_EVENTS, type HookEvent } from '../../../shared/content';
import type { ToolId } from '../../../shared/agents';
import { CLAUDE_EVENTS } from '../targets/claude-code/hooks';
import { GEMINI_TOOLS } from '../targets/gemini/tools';

/** How a tool with Claude's hook shape (`hooks.<Event>: [{matcher, hooks: [{type, command, timeout}]}]`) differs. */
export interface HookDialect {
  readonly tool: ToolId;
  readonly label: string;
  /** The tool's event name -> the canonical event. */
  readonly events: ReadonlyMap<string, HookEvent>;
  /** Seconds per unit of the tool's `timeout`. */
  readonly timeoutUnit: number;
  /** The tool's matcher in Claude's tool names (what the library holds). */
  readonly matcher: (m: string) => string;
}

const GEMINI_EVENTS: Readonly<Record<string, HookEvent>> = {
  BeforeTool: 'pre-tool',
  AfterTool: 'post-tool',
  BeforeAgent: 'prompt-submit',
  AfterAgent: 'stop',
  SessionStart: 'session-start',
  SessionEnd: 'session-end',
  PreCompress: 'pre-compact',
  Notification: 'notification',
};
const FROM_GEMINI_TOOL = new Map(Object.entries(GEMINI_TOOLS).map(([ours, theirs]) => [theirs, ours]));

const parts = (m: string, map: (p: string) => string) => [...new Set(m.split('|').map(map))].join('|');

export const CLAUDE_HOOKS: HookDialect = {
  tool: 'claude-code',
  label: 'Claude Code',
  events: new Map(HOOK_EVENTS.map((e) => [CLAUDE_EVENTS[e], e])),
  timeoutUnit: 1,
  matcher: (m) => m,
};

/** Codex's hooks.json: Claude's events and shape; file edits are `apply_patch`. */
export const CODEX_HOOKS: HookDialect = {
  tool: 'codex',
  label: 'Codex',
  events: new Map(HOOK_EVENTS.map((e) => [CLAUDE_EVENTS[e], e])),
  timeoutUnit: 1,
  matcher: (m) => parts(m, (p) => (p === 'apply_patch' ? 'Edit|Write' : p)),
};

/** Gemini CLI's `hooks` in settings.json: its own event and tool names, timeout in milliseconds. */
export const GEMINI_HOOKS: HookDialect = {
  tool: 'gemini',
  label: 'Gemini CLI',
  events: new Map(Object.entries(GEMINI_EVENTS)),
  timeoutUnit: 1 / 1000,
  matcher: (m) => parts(m, (p) => FROM_GEMINI_TOOL.get(p) ?? p),
};
