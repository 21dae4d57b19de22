import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, cli } from '../helpers/app';
import { bundledCli } from '../helpers/cli-bundle';
import { tempDir } from '../helpers/temp';

/** The real CLI in a child process, `input` piped to its standard input. */
async function run(
  args: ReadonlyArray<string>,
  home: string,
  input = '',
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [await bundledCli(), ...args], {
    env: { ...process.env, ...env, AI_CONFIG_HOME: home, AI_CONFIG_ASSETS: ASSETS_DIR },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out };
}

/** Every file under `dir` as text (what a leak would be found in). */
function allText(dir: string): string {
  let text = '';
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) visit(abs);
      else if (e.isFile()) text += fs.readFileSync(abs, 'latin1') + '\n';
    }
  };
  visit(dir);
  return text;
}

describe('ai-config secret', () => {
  it('sets from stdin, lists names and dates only, replaces, removes; the value is never shown or stored in clear', async () => {
    const home = tempDir();
    expect((await cli(['init'], { AI_CONFIG_HOME: home })).code).toBe(0);
    const value = 'pipe-value-7f3a9c1e2b';
    const set = await run(['secret', 'set', 'GITHUB_TOKEN'], home, value + '\n');
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toContain('Saved the secret GITHUB_TOKEN');

    const list = await run(['secret', 'list', '--json'], home);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.out) as Array<{ name: string; setAt: string }>;
    expect(listed).toEqual([{ name: 'GITHUB_TOKEN', setAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    const plain = await run(['secret', 'list'], home);
    expect(plain.out).toMatch(/^GITHUB_TOKEN\s+set \d{4}-/);

    const again = await run(['secret', 'set', 'GITHUB_TOKEN', '--json'], home, 'second-value-0c9d8e7f');
    expect(JSON.parse(again.out)).toEqual({ name: 'GITHUB_TOKEN', replaced: true });

    const fromEnv = await run(['secret', 'set', 'OTHER_KEY', '--from-env', 'MY_VAR'], home, '', {
      MY_VAR: 'env-value-5a4b3c2d1e',
    });
    expect(fromEnv.code).toBe(0);

    const removed = await run(['secret', 'remove', 'OTHER_KEY'], home);
    expect(removed.out).toContain('Removed the secret OTHER_KEY');
    const none = await run(['secret', 'remove', 'OTHER_KEY'], home);
    expect(none).toMatchObject({ code: 0, out: expect.stringContaining('There was no secret OTHER_KEY') });

    // Nothing anywhere in the workspace (logs, audit, settings, history, store) holds a value in clear.
    const everything = allText(home);
    for (const v of [value, 'second-value-0c9d8e7f', 'env-value-5a4b3c2d1e']) {
      expect(everything).not.toContain(v);
      for (const r of [set, list, plain, again, fromEnv, removed, none]) expect(r.out).not.toContain(v);
    }
    const audit = fs.readFileSync(path.join(home, 'state', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"operation":"secret.set"');
    expect(audit).toContain('"target":"GITHUB_TOKEN"');
    expect(fs.readFileSync(path.join(home, 'state', 'logs', 'app.log'), 'utf8')).toContain('secret set');
  });

  it('refuses a bad name with a coded error naming the field, and an empty value', async () => {
    const home = tempDir();
    expect((await cli(['init'], { AI_CONFIG_HOME: home })).code).toBe(0);
    const bad = await run(['secret', 'set', '1-bad name', '--json'], home, 'whatever-value-123');
    expect(bad.code).toBe(1);
    const err = (JSON.parse(bad.out) as { error: { code: string; message: string; hint: string } }).error;
    expect(err.code).toBe('SECRET_NAME_INVALID');
    expect(err.message).toContain('field "name"');
    expect(err.hint).toContain('GITHUB_TOKEN');
    expect(bad.out).not.toContain('whatever-value-123');

    const empty = await run(['secret', 'set', 'EMPTY_ONE'], home, '');
    expect(empty.code).toBe(2);
    expect(empty.out).toContain('No value');
    expect((await run(['secret', 'list'], home)).out).toContain('No secrets yet');
  });
});
