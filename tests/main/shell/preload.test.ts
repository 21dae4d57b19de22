import { describe, expect, it } from 'vitest';
import { double } from '../../helpers/electron-double';

describe('preload (against the Electron double)', () => {
  it('exposes exactly window.api with invoke and on', async () => {
    await import('../../../src/main/shell/preload');
    expect([...double.exposed.keys()]).toEqual(['api']);
    const api = double.exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    await expect((api.invoke as (c: unknown) => Promise<unknown>)(42)).rejects.toThrow(/channel must be a string/);
  });
});
