import { hookEntrySchema, type HookEntry, type HookEvent } from '../../../shared/content';
import type { ConvertCtx } from './context';
import { writeHooks } from './convert-settings';
import { obj, parseJsonc } from './jsonc';
import { baseOf } from './names';
import type { ImportInput } from './types';

/** A tool event as the canonical event and matcher. */
type Mapped = { readonly event: HookEvent; readonly matcher?: string };

/** Cursor's `.cursor/hooks.json` events (cursor.com/docs/agent/hooks). */
const CURSOR: Readonly<Record<string, Mapped>> = {
  beforeShellExecution: { event: 'pre-tool', matcher: 'Bash' },
  beforeMCPExecution: { event: 'pre-tool', matcher: 'mcp' },
  afterFileEdit: { event: 'post-tool', matcher: 'Edit|Write' },
  beforeSubmitPrompt: { event: 'prompt-submit' },
  stop: { event: 'stop' },
};

/** Copilot's `.github/hooks/*.json` events; its hooks have no matcher. */
const COPILOT: Readonly<Record<string, Mapped>> = {
  sessionStart: { event: 'session-start' },
  sessionEnd: { event: 'session-end' },
  userPromptSubmitted: { event: 'prompt-submit' },
  preToolUse: { event: 'pre-tool' },
  postToolUse: { event: 'post-tool' },
  agentStop: { event: 'stop' },
  subagentStop: { event: 'subagent-stop' },
};

/**
 * Cursor's and Copilot's hook files as `hooks/<name>.yaml`: `{ "version": 1, "hooks": { "<event>": [{ command
 * (Copilot: bash), timeout (Copilot: timeoutSec) }] } }`. Events the library has no canonical name for are warned
 * and left out.
 */
export function convertFlatHooks(ctx: ConvertCtx, input: ImportInput, tool: 'cursor' | 'copilot', as: string): void {
  const parsed = parseJsonc(input.text);
  if ('error' in parsed) {
    ctx.skip(input.rel, `is not valid JSON (${parsed.error}): fix it and import again`);
    return;
  }
  const table = tool === 'cursor' ? CURSOR : COPILOT;
  const out: HookEntry[] = [];
  for (const [event, list] of Object.entries(obj(obj(parsed.value).hooks))) {
    for (const h of Array.isArray(list) ? list : []) {
      const hook = obj(h);
      const m = table[event];
      const command = hook.command ?? hook.bash;
      const timeout = hook.timeout ?? hook.timeoutSec;
      const ok = m
        ? hookEntrySchema.safeParse({ ...m, command, ...(typeof timeout === 'number' ? { timeout } : {}) })
        : undefined;
      if (ok?.success) out.push(ok.data);
      else
        ctx.warnings.push(
          `${input.rel}: the ${event} hook ${JSON.stringify(command ?? '')} has no equivalent in the library's hook ` +
            `events (${Object.keys(table).join(', ')} do); it was not imported.`,
        );
    }
  }
  const base = tool === 'cursor' ? 'cursor' : `copilot-${baseOf(input.rel).replace(/\.json$/i, '')}`;
  if (writeHooks(ctx, input.rel, base, out, tool)) ctx.recognise(input.rel, as);
  else ctx.skip(input.rel, 'holds no hook AI Configurator can import');
}
