import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/main/events';
import { snapshotOnChanges } from '../../../src/main/history/watch';
import { createLogger } from '../../../src/main/observability/logger';
import { historyFixture } from '../../helpers/history';

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watcher snapshots', () => {
  it('takes one debounced version after a burst of personal changes, and ignores other sources', async () => {
    const { work, h } = historyFixture();
    const events = createEventBus();
    const stop = snapshotOnChanges({ events, history: h, logger: createLogger({ level: 'error' }), debounceMs: 50 });
    for (let i = 0; i < 5; i++) {
      fs.writeFileSync(path.join(work, `f${i}.md`), String(i));
      events.emit('files:changed', { source: 'personal', paths: [`f${i}.md`] });
    }
    events.emit('files:changed', { source: 'starter', paths: ['x.md'] });
    await until(async () => (await h.list()).length === 1);
    const [v] = await h.list();
    expect(v).toMatchObject({ operation: 'workspace.edit', phase: 'watch', filesChanged: 5 });
    events.emit('files:changed', { source: 'starter', paths: ['x.md'] });
    fs.writeFileSync(path.join(work, 'late.md'), 'x');
    events.emit('files:changed', { source: 'personal', paths: ['late.md'] });
    await until(async () => (await h.list()).length === 2);
    stop();
  });
});
