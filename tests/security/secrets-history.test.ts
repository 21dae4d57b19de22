import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/main/observability/logger';
import { createServices } from '../../src/main/services';
import { ASSETS_DIR } from '../helpers/app';
import { agentFixture, ctx, read, writeAgent } from '../main/agents/helpers';

/** Every object in the history store, as text: `git log -p --all` and each blob's content. */
function historyText(gitDir: string): string {
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'latin1' });
  let text = git('log', '-p', '--all', '--format=%H %s%n%b');
  const objects = git('cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)');
  for (const line of objects.split('\n')) {
    const [id, type] = line.split(' ');
    if (id && type === 'blob') text += git('cat-file', '-p', id);
  }
  return text;
}

describe.skipIf(process.platform === 'win32')('secrets never live on in history', () => {
  it('an MCP secret is written 0600, stored as its placeholder, and put back (rotated) by a rollback', async () => {
    const f = await agentFixture();
    const first = 'ghp_first_value_' + 'a1'.repeat(12);
    const rotated = 'ghp_rotated_value_' + 'b2'.repeat(12);
    f.services.secretsService.set({ name: 'GITHUB_TOKEN', value: first }, ctx());
    writeAgent(f.personal, 'gh', 'description: GitHub helper\nmcpServers: [github]');
    const r = await f.services.agents.install({ name: 'gh', tool: 'amazon-q', scope: 'user' }, ctx());
    const file = path.join(f.userHome, '.aws', 'amazonq', 'cli-agents', 'gh.json');
    expect(r.files.map((x) => x.path)).toContain(file);
    expect(read(file)).toContain(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const gitDir = f.services.paths.historyGit;
    let text = historyText(gitDir);
    expect(text).not.toContain(first);
    expect(text).toContain('${secret:GITHUB_TOKEN}');
    const installed = (await f.services.history.list({ path: file }))[0]!.id;

    // Rotated in the store while the old value is still in the file: no later snapshot stores it either.
    f.services.secretsService.set({ name: 'GITHUB_TOKEN', value: rotated }, ctx());
    fs.writeFileSync(path.join(f.personal, 'note.md'), 'a change elsewhere\n');
    await f.services.history.snapshot({ operation: 'history.snapshot', correlationId: 'c2', phase: 'manual' });
    // Edited by hand, then snapshotted by another process (which never saw the old value): still the placeholder.
    fs.writeFileSync(file, read(file).replace('GitHub', 'GitHub (edited)'));
    const other = createServices({
      home: f.services.paths.home,
      assetsDir: ASSETS_DIR,
      version: '0.0.0-test',
      host: 'test',
      logger: createLogger({ level: 'error' }),
      env: { PATH: process.env.PATH, HOME: f.userHome },
    });
    const edited = (await other.history.snapshot({
      operation: 'history.snapshot',
      correlationId: 'c3',
      phase: 'manual',
    }))!.version!;
    text = historyText(gitDir);
    expect(text).not.toContain(first);
    expect(text).not.toContain(rotated);

    // The diff of two versions shows the placeholder, never a value.
    const diff = await f.services.history.diff(installed, undefined, file);
    expect(diff.patch).toContain('edited');
    expect(JSON.stringify(diff)).not.toMatch(/ghp_(first|rotated)/);
    expect(diff.files[0]!.after).toContain('${secret:GITHUB_TOKEN}');

    const rb = await f.services.history.rollback({ version: installed, path: file }, ctx());
    expect(rb.warnings).toBeUndefined();
    expect(read(file)).toContain(rotated);
    expect(read(file)).not.toContain('edited');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    text = historyText(gitDir);
    expect(text).not.toContain(rotated);
    expect(text).not.toContain(first);

    // A secret that is gone: the placeholder is written, with a coded warning naming the command. The file was
    // edited by hand with the value in it: removing the secret records its placeholder form while the value is known.
    fs.writeFileSync(file, read(file).replace('GitHub', 'GitHub (again)'));
    f.services.secretsService.remove({ name: 'GITHUB_TOKEN' }, ctx());
    const gone = await f.services.history.rollback({ version: edited, path: file }, ctx());
    expect(read(file)).toContain('edited');
    expect(read(file)).toContain('${secret:GITHUB_TOKEN}');
    expect(gone.warnings).toEqual([
      expect.objectContaining({
        code: 'SECRET_MISSING',
        hint: expect.stringContaining('ai-config secret set GITHUB_TOKEN'),
      }),
    ]);
    expect(historyText(gitDir)).not.toContain(rotated);
  });
});
