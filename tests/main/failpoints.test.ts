import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILPOINT_ENV, FAILPOINT_TRACE_ENV, parseFailpoint } from '../../src/main/failpoints';
import { bundleEntry } from '../helpers/cli-bundle';
import { tempDir } from '../helpers/temp';

const driver = () => bundleEntry('tests/helpers/failpoint-driver.ts', 'failpoint-driver');

async function run(env: NodeJS.ProcessEnv) {
  const clean = { ...process.env };
  delete clean[FAILPOINT_ENV];
  delete clean[FAILPOINT_TRACE_ENV];
  const r = spawnSync(process.execPath, [await driver()], { env: { ...clean, ...env }, encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status, signal: r.signal };
}

describe('failpoints', () => {
  it('are inert without the variables', async () => {
    expect(await run({})).toEqual({ stdout: 'a a a b done', status: 0, signal: null });
  });

  it('kill the process with SIGKILL at the Nth hit of the named point', async () => {
    expect(await run({ [FAILPOINT_ENV]: 'a:2' })).toEqual({ stdout: 'a ', status: null, signal: 'SIGKILL' });
    expect(await run({ [FAILPOINT_ENV]: 'b' })).toEqual({ stdout: 'a a a ', status: null, signal: 'SIGKILL' });
  });

  it('do nothing when the named point is hit fewer times than N', async () => {
    expect((await run({ [FAILPOINT_ENV]: 'a:4' })).status).toBe(0);
    expect((await run({ [FAILPOINT_ENV]: 'nowhere:1' })).status).toBe(0);
  });

  it('trace every hit, in order, to a file', async () => {
    const trace = path.join(tempDir(), 'trace.txt');
    expect((await run({ [FAILPOINT_TRACE_ENV]: trace })).status).toBe(0);
    expect(fs.readFileSync(trace, 'utf8')).toBe('a\na\na\nb\n');
  });

  it('parse NAME:N, with colons inside the name', () => {
    expect(parseFailpoint('git:before:status:3')).toEqual({ name: 'git:before:status', at: 3 });
    expect(parseFailpoint('atomic-write:before-rename')).toEqual({ name: 'atomic-write:before-rename', at: 1 });
    expect(parseFailpoint('')).toBeUndefined();
  });
});
