import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import { useSecrets } from '../../src/renderer/stores/secrets';
import { testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// The store against the real router and services on a temp home; window.api calls the router in-process.
const home = tempDir();
const rt = testRuntime(home);
const seen: unknown[] = [];
const api: Api = {
  invoke: (async (channel: string, request: unknown, opts?: { correlationId?: string }) => {
    const r = await rt.router.invoke({ id: 'store-test', trusted: true }, channel, request, opts ?? {});
    seen.push(r);
    return r;
  }) as Api['invoke'],
  on: (() => () => undefined) as Api['on'],
};
(globalThis as unknown as { window: { api: Api } }).window = { api };

describe('secrets store', () => {
  it('loads (empty), adds, replaces and removes by name; no answer ever carries the value', async () => {
    const value = 'panel-value-4e5f6a7b8c';
    const s = () => useSecrets.getState();
    expect(s().secrets.kind).toBe('idle');
    const loading = s().load();
    expect(s().secrets.kind).toBe('loading');
    await loading;
    expect(s().secrets).toEqual({ kind: 'ready', value: [] });

    expect(await s().save('API_TOKEN', value)).toBe(true);
    expect(s().notice).toMatch(/^Saved API_TOKEN/);
    const ready = s().secrets;
    expect(ready.kind === 'ready' && ready.value.map((x) => x.name)).toEqual(['API_TOKEN']);
    expect(await s().save('API_TOKEN', value + '2')).toBe(true);
    expect(s().notice).toMatch(/^Replaced API_TOKEN/);

    expect(await s().save('bad name', value)).toBe(false);
    expect(s().error).toMatchObject({ code: 'SECRET_NAME_INVALID' });
    s().dismiss();
    expect(s().error).toBeUndefined();

    await s().remove('API_TOKEN');
    expect(s().notice).toBe('Removed API_TOKEN.');
    expect(s().secrets).toEqual({ kind: 'ready', value: [] });
    expect(JSON.stringify(seen)).not.toContain('panel-value');
    expect(JSON.stringify(useSecrets.getState())).not.toContain('panel-value');
    const log = fs.readFileSync(path.join(home, 'state', 'logs', 'app.log'), 'utf8');
    expect(log).not.toContain('panel-value');
  });

  it('shows a load failure as an error state', async () => {
    fs.mkdirSync(path.join(home, 'state', 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(home, 'state', 'secrets', 'secrets.enc'), 'not a store');
    await useSecrets.getState().load();
    expect(useSecrets.getState().secrets).toMatchObject({ kind: 'error', error: { code: 'INVALID_FILE' } });
  });
});
