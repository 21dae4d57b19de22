import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Upstream Author',
  GIT_AUTHOR_EMAIL: 'upstream@example.invalid',
  GIT_COMMITTER_NAME: 'Upstream Author',
  GIT_COMMITTER_EMAIL: 'upstream@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git for a test fixture (not app code), with a fixed identity. */
export function gitSync(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: { ...process.env, ...IDENTITY },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** An upstream library: a bare repository plus a work tree that commits and pushes into it. */
export interface Upstream {
  /** The bare repository (serve it over file://, SSH or HTTP). */
  readonly bare: string;
  readonly work: string;
  readonly fileUrl: string;
  /** Writes files (null deletes), commits with `message`, pushes; returns the new commit. */
  commit(files: Record<string, string | null>, message: string): string;
  /** Appends `count` commits (file changes from `files(i)`) in one `git fast-import`; returns the new head. */
  commitMany(count: number, files: (i: number) => Record<string, string>): string;
  tag(name: string): void;
  head(): string;
}

/** Creates an upstream under `root` with `files` as its first commit on `branch`. */
export function createUpstream(
  root: string,
  files: Record<string, string>,
  name = 'team-lib',
  branch = 'main',
): Upstream {
  const bare = path.join(root, `${name}.git`);
  const work = path.join(root, `${name}-work`);
  fs.mkdirSync(work, { recursive: true });
  gitSync(root, 'init', '-q', '--bare', '-b', branch, bare);
  gitSync(work, 'init', '-q', '-b', branch);
  gitSync(work, 'remote', 'add', 'origin', bare);
  const up: Upstream = {
    bare,
    work,
    fileUrl: `file://${bare}`,
    commit(changes, message) {
      for (const [rel, text] of Object.entries(changes)) {
        const abs = path.join(work, rel);
        if (text === null) fs.rmSync(abs, { force: true });
        else {
          fs.mkdirSync(path.dirname(abs), { recursive: true });
          fs.writeFileSync(abs, text);
        }
      }
      gitSync(work, 'add', '-A');
      gitSync(work, 'commit', '-q', '--allow-empty', '-m', message);
      gitSync(work, 'push', '-q', 'origin', `HEAD:${branch}`);
      return up.head();
    },
    commitMany(count, files) {
      const parts: string[] = [];
      const t = 1_700_000_000;
      for (let i = 0; i < count; i++) {
        const msg = `Commit ${i}\n`;
        parts.push(
          `commit refs/heads/${branch}\nauthor Upstream Author <upstream@example.invalid> ${t + i} +0000\ncommitter Upstream Author <upstream@example.invalid> ${t + i} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}`,
        );
        if (i === 0) parts.push(`from refs/heads/${branch}^0\n`);
        for (const [rel, text] of Object.entries(files(i)))
          parts.push(`M 100644 inline ${rel}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
      }
      execFileSync('git', ['fast-import', '--quiet'], {
        cwd: bare,
        input: parts.join(''),
        env: { ...process.env, ...IDENTITY },
      });
      gitSync(work, 'pull', '-q', '--ff-only', 'origin', branch);
      return up.head();
    },
    tag(tagName) {
      gitSync(work, 'tag', tagName);
      gitSync(work, 'push', '-q', 'origin', tagName);
    },
    head: () => gitSync(work, 'rev-parse', 'HEAD').trim(),
  };
  up.commit(files, 'Initial library');
  return up;
}
