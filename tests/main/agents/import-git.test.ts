import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { repoLabel, withGitCheckout } from '../../../src/main/agents/import/git-source';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx, writeTree } from './helpers';

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@x.test',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@x.test',
  GIT_CONFIG_NOSYSTEM: '1',
};
const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv, stdio: 'pipe' });

/** A bare repository `<name>.git` holding `files` in one commit. */
function bareRepo(name: string, files: Record<string, string>): string {
  const base = tempDir();
  const work = path.join(base, 'work');
  writeTree(work, files);
  run(work, 'init', '-q');
  run(work, 'add', '-A');
  run(work, 'commit', '-q', '-m', 'configs');
  const bare = path.join(base, `${name}.git`);
  run(base, 'clone', '-q', '--bare', work, bare);
  return bare;
}

const importTemps = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('aicfg-import-')));

describe('import from a Git URL', () => {
  it('clones shallow, imports with the repository name as label, deletes the clone', async () => {
    const f = await agentFixture();
    const bare = bareRepo('TeamConfigs', {
      'CLAUDE.md': '# From git\n',
      '.cursor/rules/lint.mdc': '---\ndescription: Lint\nalwaysApply: true\n---\n\nLint it.\n',
    });
    const before = importTemps();
    const r = await f.services.agents.importConfigs({ url: `file://${bare}` }, ctx());
    expect(r.files.map((x) => [x.from, x.outcome])).toEqual([
      ['.cursor/rules/lint.mdc', 'imported'],
      ['CLAUDE.md', 'imported'],
    ]);
    expect(r.items.map((i) => i.path)).toEqual(
      expect.arrayContaining(['rules/CLAUDE.md', 'rules/lint.md', 'agents/teamconfigs-claude-code.md']),
    );
    expect(r.written).toBe(r.items.length);
    expect(fs.readFileSync(path.join(f.personal, 'rules', 'lint.md'), 'utf8')).toMatch(/Lint it\./);
    expect([...importTemps()].filter((n) => !before.has(n))).toEqual([]);
    // A local bare repository path works the same way, and a second import changes nothing.
    const again = await f.services.agents.importConfigs({ url: bare }, ctx());
    const asFolder = await f.services.agents.importConfigs({ path: bare, dryRun: true }, ctx());
    expect(asFolder.files.map((x) => x.from)).toEqual(['.cursor/rules/lint.mdc', 'CLAUDE.md']);
    expect(again.items.every((i) => i.action === 'unchanged')).toBe(true);
    expect(again.written).toBe(0);
  });

  it('gives a coded error for an unreachable repository and removes the temp folder', async () => {
    const f = await agentFixture();
    const before = importTemps();
    const missing = `file://${path.join(tempDir(), 'nope.git')}`;
    const err = await f.services.agents.importConfigs({ url: missing, dryRun: true }, ctx()).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(['REPO_NOT_FOUND', 'NOT_A_GIT_REPO', 'NETWORK_UNREACHABLE']).toContain((err as AppError).code);
    // The hint names nothing `import` does not have (the library's --ssh-key, --token-env, doctor).
    expect((err as AppError).hint).not.toMatch(/--ssh-key|--token-env|doctor|add the source/i);
    expect([...importTemps()].filter((n) => !before.has(n))).toEqual([]);
  });

  it('refuses credentials in the URL and helper transports, without echoing the token', async () => {
    const f = await agentFixture();
    const fail = (url: string): Promise<AppError> =>
      f.services.agents.importConfigs({ url, dryRun: true }, ctx()).then(
        () => {
          throw new Error(`${url} was accepted`);
        },
        (e: AppError) => e,
      );
    const withToken = await fail('https://me:ghp_SECRET123@example.test/o/r.git');
    expect(withToken.code).toBe('INVALID_REQUEST');
    expect(`${withToken.message} ${withToken.hint}`).not.toContain('ghp_SECRET123');
    const ext = await fail('ext::sh -c touch% /tmp/pwned');
    expect(ext.code).toBe('INVALID_REQUEST');
    expect((await fail('relative/repo.git')).code).toBe('INVALID_REQUEST');
  });

  it('clones only the last commit, and cleans up when the import fails', async () => {
    const bare = bareRepo('two', { 'CLAUDE.md': '# one\n' });
    const work = path.join(path.dirname(bare), 'work');
    fs.writeFileSync(path.join(work, 'CLAUDE.md'), '# two\n');
    run(work, 'commit', '-q', '-am', 'second');
    run(work, 'push', '-q', bare, 'HEAD');
    let seen = '';
    const err = await withGitCheckout(`file://${bare}`, {}, async (dir, label) => {
      seen = dir;
      expect(label).toBe('two');
      expect(run(dir, 'rev-list', '--count', 'HEAD').toString().trim()).toBe('1');
      expect(fs.readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8')).toBe('# two\n');
      throw new Error('boom');
    }).catch((e: Error) => e);
    expect((err as Error).message).toBe('boom');
    expect(seen).not.toBe('');
    expect(fs.existsSync(path.dirname(seen))).toBe(false);
  });

  it('names the import after the repository', () => {
    expect(repoLabel('https://github.com/Acme/Agent-Rules.git')).toBe('Agent-Rules');
    expect(repoLabel('git@github.com:acme/rules.git')).toBe('rules');
    expect(repoLabel('/srv/git/team.git/')).toBe('team');
  });
});
