import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { classifyGitError } from '../../../src/main/git/errors';
import { tempDir } from '../../helpers/temp';

describe('git error classification', () => {
  const cases: Array<[string, string]> = [
    ['AUTH_FAILED', "fatal: Authentication failed for 'http://127.0.0.1:1234/x.git/'"],
    ['AUTH_FAILED', 'root@127.0.0.1: Permission denied (publickey).\nfatal: Could not read from remote repository.'],
    [
      'HOST_KEY_UNKNOWN',
      'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.',
    ],
    [
      'HOST_KEY_CHANGED',
      '@@@@@@@\nWARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!\n@@@@@@@\nHost key verification failed.',
    ],
    [
      'NETWORK_UNREACHABLE',
      "fatal: unable to access 'https://example.invalid/x.git/': Could not resolve host: example.invalid",
    ],
    ['REPO_NOT_FOUND', "fatal: repository 'http://127.0.0.1:1/nope.git/' not found"],
    [
      'BRANCH_MISSING',
      'warning: Could not find remote branch nope to clone.\nfatal: Remote branch nope not found in upstream origin',
    ],
    ['NOT_A_GIT_REPO', 'fatal: not a git repository (or any of the parent directories): .git'],
    ['DISK_FULL', 'fatal: write error: No space left on device'],
    ['CONFLICT', 'CONFLICT (content): Merge conflict in common/a.md'],
  ];
  for (const [code, stderr] of cases) {
    it(`${code}: ${stderr.split('\n')[0]!.slice(0, 60)}`, () => {
      const e = classifyGitError('fetch', ['fetch'], 128, stderr);
      expect(e.code).toBe(code);
      expect(e.hint.length).toBeGreaterThan(10);
    });
  }
});

describe('git presence and version', () => {
  it('reports GIT_MISSING and GIT_TOO_OLD with a hint', async () => {
    const dir = tempDir();
    const old = path.join(dir, 'git');
    // A stand-in binary that reports an old version: the only way to meet a pre-2.30 git on this machine.
    fs.writeFileSync(old, '#!/bin/sh\necho "git version 2.20.1"\n', { mode: 0o755 });
    for (const [bin, code] of [
      [path.join(dir, 'no-such-git'), 'GIT_MISSING'],
      [old, 'GIT_TOO_OLD'],
    ] as const) {
      vi.resetModules();
      process.env.AI_CONFIG_GIT = bin;
      try {
        const core = await import('../../../src/main/git/core');
        await expect(core.ensureGit()).rejects.toMatchObject({ code, hint: expect.stringMatching(/Git|git/) });
      } finally {
        delete process.env.AI_CONFIG_GIT;
      }
    }
    vi.resetModules();
  });
});
