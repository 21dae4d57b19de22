import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/main/events';
import { createIndexService } from '../../../src/main/index/service';
import { createAuditTrail } from '../../../src/main/observability/audit';
import { createLogger, type LogRecord } from '../../../src/main/observability/logger';
import { tempDir } from '../../helpers/temp';

function setup() {
  const home = tempDir();
  const lib = path.join(home, 'library', 'team');
  fs.mkdirSync(path.join(lib, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(lib, 'notes', 'a.md'), '# A\nalpha\n');
  const records: LogRecord[] = [];
  let ignore: string[] = [];
  const svc = createIndexService({
    cacheFile: path.join(home, 'state', 'index', 'library.idx'),
    roots: () => [{ name: 'team', dir: lib, ignore }],
    logger: createLogger({ level: 'debug', sinks: [(r) => records.push(r)] }),
    events: createEventBus(),
    lockFile: path.join(home, 'state', 'lock'),
    audit: createAuditTrail(path.join(home, 'state', 'audit.jsonl')),
    debounceMs: 30,
  });
  const rescans = () => records.filter((r) => r.msg === 'library re-stat').length;
  return { svc, rescans, setIgnore: (i: string[]) => (ignore = i) };
}

describe('index service: re-stat only when memory may be stale', () => {
  it('a re-stat that finds no change leaves memory fresh while watching: the next requests do not scan again', async () => {
    const s = setup();
    await s.svc.tree();
    await s.svc.tree();
    // No watcher yet: every request re-stats.
    expect(s.rescans()).toBe(1);
    await s.svc.watch();
    // The watcher started: one re-stat (no change found), then memory is current.
    expect(s.rescans()).toBe(2);
    await s.svc.tree();
    await s.svc.tree();
    await s.svc.skipped();
    expect(s.rescans()).toBe(2);
    await s.svc.close();
  });

  it('a changed ignore list re-stats once, even when it changes nothing', async () => {
    const s = setup();
    await s.svc.watch();
    await s.svc.tree();
    const before = s.rescans();
    s.setIgnore(['nothing-here/']);
    await s.svc.tree();
    await s.svc.tree();
    await s.svc.tree();
    expect(s.rescans()).toBe(before + 1);
    await s.svc.close();
  });
});
