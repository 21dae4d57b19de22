import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import { IgnoreList } from '../../src/renderer/components/sources/IgnoreList';
import { useLibrary } from '../../src/renderer/stores/library';
import { useSources } from '../../src/renderer/stores/sources';
import { testContext, testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// The stores against the real router, services and index on a temp home (what the preload's window.api calls).
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

const starter = () => {
  const s = useSources.getState().sources;
  if (s.kind !== 'ready') throw new Error(`sources are ${s.kind}`);
  return s.value.find((x) => x.name === 'starter')!;
};
const libraryTree = () => {
  const t = useLibrary.getState().tree;
  if (t.kind !== 'ready') throw new Error(`tree is ${t.kind}`);
  return t.value;
};

describe('a source ignore list in the Sources screen', () => {
  it('adds a pattern, the library tree counts what it skips, and removing it brings the files back', async () => {
    await useSources.getState().refresh();
    await useLibrary.getState().refresh();
    const before = libraryTree().size;
    expect(renderToStaticMarkup(<IgnoreList source={starter()} />)).toContain('Nothing ignored');

    expect(await useSources.getState().setIgnore('starter', 'rules/**', false)).toBeUndefined();
    expect(starter().ignore).toEqual(['rules/**']);
    await useLibrary.getState().refresh();
    const skipped = libraryTree().skipped.find((s) => s.source === 'starter');
    const byPattern = skipped?.reasons.find((r) => r.reason === 'ignored-by-pattern');
    expect(byPattern?.count).toBeGreaterThan(0);
    expect(byPattern?.examples.every((p) => p.startsWith('rules/'))).toBe(true);
    expect(libraryTree().size).toBe(before - byPattern!.count);
    const html = renderToStaticMarkup(<IgnoreList source={starter()} />);
    expect(html).toContain('<code>rules/**</code>');
    expect(html).toContain('aria-label="Stop ignoring rules/**"');

    // A refused pattern comes back as the error the card shows; the list is unchanged.
    const failed = await useSources.getState().setIgnore('starter', '../x', false);
    expect(failed?.code).toBe('INVALID_REQUEST');
    expect(starter().ignore).toEqual(['rules/**']);

    expect(await useSources.getState().setIgnore('starter', 'rules/**', true)).toBeUndefined();
    expect(starter().ignore).toEqual([]);
    await useLibrary.getState().refresh();
    expect(libraryTree().size).toBe(before);
    // A skill's scripts go with the skill: the starter library skips nothing.
    expect(libraryTree().skippedTotal).toBe(0);
  });
});
