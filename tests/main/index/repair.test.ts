import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/app';
import { initialised } from '../health/fixture';

describe('health: the stale-index check has a rebuild repair', () => {
  it('doctor --fix rebuilds an index older than a library file, with one audit record', async () => {
    const { services } = await initialised();
    await services.index.search({ query: 'review' });
    await services.index.close();
    const cache = path.join(services.paths.index, 'library.idx');
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(cache, old, old);
    fs.writeFileSync(path.join(services.personalDir(), 'later.md'), '# Later\nquetzalcoatl words');
    const result = await services.health.doctor(true, testContext('test-repair'));
    expect(result.before.checks.find((c) => c.id === 'index')?.status).toBe('warn');
    expect(result.repairs).toEqual([expect.objectContaining({ id: 'rebuild-index', outcome: 'repaired' })]);
    expect(result.after.checks.find((c) => c.id === 'index')?.status).toBe('ok');
    expect(services.audit.read({ operation: 'index.rebuild' })).toEqual([]);
    expect((await services.index.search({ query: 'quetzalcoatl' })).hits.map((h) => h.path)).toEqual(['later.md']);
  });
});
