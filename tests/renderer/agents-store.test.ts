import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '../../src/shared/agents';
import type { Api } from '../../src/shared/ipc/contract';
import { useAgents } from '../../src/renderer/stores/agents';
import { testContext, testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// The agents store against the real router on a temp home; window.api records each request it forwards.
const root = tempDir('aicfg-agents-store-');
const home = path.join(root, 'cfg');
const project = path.join(root, 'project');
fs.mkdirSync(project, { recursive: true });
const rt = testRuntime(home, { HOME: path.join(root, 'home'), PATH: path.join(root, 'bin') });
const requests: Array<{ channel: string; request: unknown }> = [];
const api: Api = {
  invoke: ((channel: string, request: unknown, opts?: { correlationId?: string }) => {
    requests.push({ channel, request });
    return rt.router.invoke({ id: 'store-test', trusted: true }, channel, request, opts ?? {});
  }) as Api['invoke'],
  on: ((event: 'files:changed', listener: (p: unknown) => void) => rt.events.on(event, listener)) as Api['on'],
};
(globalThis as unknown as { window: { api: Api } }).window = { api };

describe('agents store: tools, the per-kind report and allowUserFiles', () => {
  it('loads every tool once; "Also write user-level files" re-plans with allowUserFiles, a new target clears it', async () => {
    await rt.services.init({}, testContext());
    const s = useAgents.getState;
    await s().loadTools();
    const tools = s().tools;
    expect(tools.kind === 'ready' && tools.value.map((t) => t.id)).toEqual([...TOOL_IDS]);
    await s().loadTools();
    expect(requests.filter((r) => r.channel === 'tools:list')).toHaveLength(1);

    await s().select('code-reviewer');
    s().setTarget({ tool: 'claude-code', scope: 'project', project });
    await s().preview('install');
    expect(s().plan.kind).toBe('ready');
    const plan = s().plan;
    expect(plan.kind === 'ready' && Array.isArray(plan.value.report)).toBe(true);
    await s().setAllowUserFiles(true);
    const plans = requests.filter((r) => r.channel === 'agents:plan');
    expect(plans.at(-1)!.request).toMatchObject({ tool: 'claude-code', project, allowUserFiles: true });
    expect(s().plan.kind).toBe('ready');
    s().setTarget({ tool: 'cursor' });
    expect(s().allowUserFiles).toBe(false);
    await s().preview('install');
    expect(requests.filter((r) => r.channel === 'agents:plan').at(-1)!.request).not.toHaveProperty('allowUserFiles');
  });
});
