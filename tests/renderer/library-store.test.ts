import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import { MAX_DELTA_PATHS } from '../../src/shared/ipc/channels/library';
import { decodeOutline, type Outline } from '../../src/shared/outline';
import { LibraryTree, type TreeNode } from '../../src/renderer/components/tree-model';
import { useLibrary } from '../../src/renderer/stores/library';
import { testContext, testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// The store against the real router, services, index and watcher on a temp home (window.api is what the
// Electron preload would set; here it calls the router in-process and counts calls per channel).
const home = tempDir();
const rt = testRuntime(home);
const calls = new Map<string, number>();
const api: Api = {
  invoke: ((channel: string, request: unknown, opts?: { correlationId?: string }) => {
    calls.set(channel, (calls.get(channel) ?? 0) + 1);
    return rt.router.invoke({ id: 'store-test', trusted: true }, channel, request, opts ?? {});
  }) as Api['invoke'],
  on: ((event: 'files:changed', listener: (p: unknown) => void) => rt.events.on(event, listener)) as Api['on'],
};
(globalThis as unknown as { window: { api: Api } }).window = { api };

const personal = path.join(home, 'personal');
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(personal, rel)), { recursive: true });
  fs.writeFileSync(path.join(personal, rel), text);
};
const tree = () => {
  const t = useLibrary.getState().tree;
  if (t.kind !== 'ready') throw new Error(`tree is ${t.kind}`);
  return t.value;
};
const files = (t: LibraryTree) =>
  t.rows(() => true).filter((r): r is Extract<TreeNode, { kind: 'file' }> => r.kind === 'file');
const find = (rel: string, source = 'personal') =>
  files(tree()).find((r) => r.entry.path === rel && r.entry.source === source)?.entry;
const show = (t: LibraryTree) =>
  files(t).map(
    (r) =>
      `${r.entry.source}:${r.entry.path}:${r.entry.title}:${r.entry.overriddenBy ?? ''}:${r.entry.overrides.join(',')}`,
  );

let unsubscribe: () => void;
beforeAll(async () => {
  await rt.services.init({}, testContext());
  await rt.services.index.watch();
  unsubscribe = useLibrary.getState().subscribe();
});
afterAll(async () => {
  unsubscribe();
  await rt.services.index.close();
});

describe('library store: tree deltas', () => {
  it('loads the tree once, then applies edits, adds, deletes and overrides on disk as deltas', async () => {
    await useLibrary.getState().refresh();
    expect(useLibrary.getState().treeFetches).toEqual({ full: 1, delta: 0 });
    const starterFile = files(tree()).find((r) => r.entry.source === 'starter' && r.entry.path.includes('/'))!.entry;
    const settle = async (check: () => boolean) => {
      await vi.waitFor(
        async () => {
          await rt.services.index.settle();
          await useLibrary.getState().settled();
          expect(check()).toBe(true);
        },
        { timeout: 10_000, interval: 50 },
      );
    };

    write('notes/new.md', '---\ntitle: New note\n---\nbody');
    await settle(() => find('notes/new.md')?.title === 'New note');
    write('notes/new.md', '---\ntitle: Renamed note\n---\nbody');
    await settle(() => find('notes/new.md')?.title === 'Renamed note');
    // A personal file at a library path overrides it: both entries at the path change.
    write(starterFile.path, '---\ntitle: Mine\n---\n');
    await settle(
      () =>
        find(starterFile.path, 'starter')?.overriddenBy === 'personal' &&
        find(starterFile.path)?.overrides.includes('starter') === true,
    );
    fs.rmSync(path.join(personal, 'notes'), { recursive: true });
    fs.rmSync(path.join(personal, starterFile.path));
    await settle(() => !find('notes/new.md') && find(starterFile.path, 'starter')?.overriddenBy === undefined);

    const { full, delta } = useLibrary.getState().treeFetches;
    expect(full).toBe(1);
    expect(delta).toBeGreaterThanOrEqual(3);
    expect(calls.get('library:outline')).toBe(1);
    expect(calls.get('library:tree')).toBeUndefined();

    // The tree built from deltas is the tree a whole fetch gives.
    const whole = await rt.router.invoke({ id: 't', trusted: true }, 'library:outline', {});
    expect(whole.ok).toBe(true);
    expect(show(tree())).toEqual(show(new LibraryTree(decodeOutline((whole as { value: Outline }).value))));
  });

  it('falls back to a whole fetch for a source it does not know, or too many changes at once', async () => {
    const before = useLibrary.getState().treeFetches.full;
    useLibrary.getState().filesChanged({ source: 'a-new-source', paths: ['x.md'] });
    await useLibrary.getState().settled();
    expect(useLibrary.getState().treeFetches.full).toBe(before + 1);
    useLibrary.getState().filesChanged({
      source: 'personal',
      paths: Array.from({ length: MAX_DELTA_PATHS + 1 }, (_, i) => `bulk/${i}.md`),
    });
    await useLibrary.getState().settled();
    expect(useLibrary.getState().treeFetches.full).toBe(before + 2);
  });
});
