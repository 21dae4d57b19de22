import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import { useSync } from '../../src/renderer/stores/sync';
import { testContext, testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// The sync store against the real router and services on a temp home (window.api as the preload would set it).
const home = tempDir();
const rt = testRuntime(home);
const api: Api = {
  invoke: ((channel: string, request: unknown, opts?: { correlationId?: string }) =>
    rt.router.invoke({ id: 'store-test', trusted: true }, channel, request, opts ?? {})) as Api['invoke'],
  on: ((event: 'files:changed', listener: (p: unknown) => void) => rt.events.on(event, listener)) as Api['on'],
};
(globalThis as unknown as { window: { api: Api } }).window = { api };

beforeAll(async () => {
  await rt.services.init({}, testContext());
});

afterAll(async () => {
  rt.services.sync.stop();
  await rt.services.index.close();
});

describe('sync wizard store: a folder that is not empty', () => {
  it('shows what is there, sends nothing until adopt is ticked, then sends the adopt flag', async () => {
    const target = path.join(tempDir(), 'shared');
    fs.mkdirSync(path.join(target, '.stfolder'), { recursive: true });
    fs.writeFileSync(path.join(target, 'theirs.md'), 'theirs\n');
    const before = rt.services.personalDir();
    useSync.getState().choose('folder');
    useSync.getState().setField('path', target);
    await useSync.getState().setup();
    const s = useSync.getState();
    expect(s.error?.code).toBe('ALREADY_EXISTS');
    expect(s.existing).toEqual({ path: target, files: ['theirs.md'], dirs: [] });
    expect(rt.services.personalDir()).toBe(before);

    useSync.getState().setAdopt(true);
    await useSync.getState().setup();
    const after = useSync.getState();
    expect(after.error).toBeUndefined();
    expect(after.step).toBe('summary');
    expect(after.existing).toBeUndefined();
    expect(rt.services.personalDir()).toBe(target);
    const state = JSON.parse(fs.readFileSync(path.join(home, 'state', 'sync.json'), 'utf8'));
    expect(state.preExisting).toEqual(['theirs.md']);
  });

  it('changing the path forgets the listing and the choice', () => {
    useSync.setState({ existing: { path: '/x', files: ['a'], dirs: [] }, adoptExisting: true });
    useSync.getState().setField('path', '/y');
    expect(useSync.getState().existing).toBeUndefined();
    expect(useSync.getState().adoptExisting).toBe(false);
  });
});
