import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_ATTRIBUTES } from '../../src/main/history/isolation';
import { createHistoryService } from '../../src/main/history/service';
import { createLogger } from '../../src/main/observability/logger';
import { isAppError } from '../../src/shared/errors';
import { testContext } from '../helpers/app';
import { historyFixture } from '../helpers/history';
import { tempDir } from '../helpers/temp';

/** A HOME whose git config and attributes would run programs and convert text, if history git ever read them. */
function hostileHome(root: string, marker: string): string {
  const home = path.join(root, 'evil-home');
  const run = `sh -c 'echo ran >> ${marker}; cat'`;
  fs.mkdirSync(path.join(home, '.config', 'git'), { recursive: true });
  fs.writeFileSync(
    path.join(home, '.gitconfig'),
    [
      '[filter "evil"]',
      `\tclean = ${run}`,
      `\tsmudge = ${run}`,
      '\trequired = true',
      '[diff "evil"]',
      `\ttextconv = ${run}`,
      '[core]',
      '\tautocrlf = true',
      '\tsafecrlf = true',
      `\tfsmonitor = ${path.join(root, 'fsmonitor.sh')}`,
      `\thooksPath = ${path.join(root, 'hooks')}`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(home, '.config', 'git', 'attributes'), '* filter=evil\n');
  fs.writeFileSync(path.join(root, 'fsmonitor.sh'), `#!/bin/sh\necho ran >> ${marker}\n`, { mode: 0o755 });
  return home;
}

const UTF16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo\r\nwörld\n', 'utf16le')]);

/** Each file of the personal folder with bytes a converting git would change. */
const FILES: Readonly<Record<string, Buffer>> = {
  '.gitattributes': Buffer.from(
    '* text eol=crlf\n*.txt filter=evil diff=evil\n*.u16 working-tree-encoding=UTF-16 text\n*.id ident\n',
  ),
  'crlf.md': Buffer.from('line one\r\nline two\r\n'),
  'lf.md': Buffer.from('line one\nline two\n'),
  'mixed.md': Buffer.from('a\r\nb\nc\r'),
  'notes.txt': Buffer.from('filter me\r\n'),
  'sub/deep.txt': Buffer.from('deep\n'),
  'wide.u16': UTF16,
  'stamp.id': Buffer.from('$Id: 0123456789abcdef $\n'),
};

describe('the history store ignores the content it versions', () => {
  let root: string;
  let marker: string;
  const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };

  beforeAll(() => {
    root = tempDir();
    marker = path.join(root, 'MARKER');
    process.env.HOME = hostileHome(root, marker);
    delete process.env.XDG_CONFIG_HOME;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('snapshot, change, rollback: every byte round-trips, no filter or hook runs', async () => {
    const { home, work, h } = historyFixture();
    const tool = path.join(home, '.cursor', 'rules', 'rules.txt');
    fs.mkdirSync(path.dirname(tool), { recursive: true });
    fs.writeFileSync(tool, 'tool rule\r\n');
    for (const [rel, bytes] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
      fs.writeFileSync(path.join(work, rel), bytes);
    }
    const v1 = await h.snapshot({ operation: 'test.one', correlationId: 'c1', phase: 'manual' }, [tool]);
    expect(fs.readFileSync(path.join(h.repo.gitDir, 'info', 'attributes'), 'utf8')).toBe(HISTORY_ATTRIBUTES);

    // What git stored is the file as it is on disk.
    for (const [rel, bytes] of Object.entries(FILES)) {
      const r = await h.repo.run(['cat-file', 'blob', `${v1.version}:${rel}`], { binary: true });
      expect(r.stdoutBuffer.equals(bytes), rel).toBe(true);
    }

    for (const rel of Object.keys(FILES)) fs.writeFileSync(path.join(work, rel), 'changed\n');
    fs.writeFileSync(tool, 'changed\n');
    await h.snapshot({ operation: 'test.two', correlationId: 'c2', phase: 'manual' }, [tool]);
    const d = await h.diff(v1.version!);
    expect(d.files.length).toBeGreaterThan(0);

    await h.rollback({ version: v1.version! }, testContext());
    for (const [rel, bytes] of Object.entries(FILES))
      expect(fs.readFileSync(path.join(work, rel)).equals(bytes), rel).toBe(true);
    expect(fs.readFileSync(tool, 'utf8')).toBe('tool rule\r\n');
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('writes info/attributes into an existing store that lacks it, on open', async () => {
    const { home, work, h } = historyFixture();
    fs.writeFileSync(path.join(work, 'a.md'), 'a\r\n');
    await h.snapshot({ operation: 'test.one', correlationId: 'c1', phase: 'manual' });
    const attrs = path.join(h.repo.gitDir, 'info', 'attributes');
    fs.writeFileSync(attrs, '* text eol=crlf\n');
    const reopened = createHistoryService({
      gitDir: h.repo.gitDir,
      lockFile: path.join(home, 'state', 'lock'),
      workTree: () => work,
      logger: createLogger({ level: 'error' }),
      backupsDir: path.join(home, 'state', 'backups'),
    });
    fs.writeFileSync(path.join(work, 'b.md'), 'b\r\n');
    const v = await reopened.snapshot({ operation: 'test.two', correlationId: 'c2', phase: 'manual' });
    expect(fs.readFileSync(attrs, 'utf8')).toBe(HISTORY_ATTRIBUTES);
    const r = await reopened.repo.run(['cat-file', 'blob', `${v.version}:b.md`]);
    expect(r.stdout).toBe('b\r\n');
  });
});

describe('a damaged history store', () => {
  /** Ways a store breaks, each making the timeline ref unreadable. */
  const DAMAGE: ReadonlyArray<readonly [string, (gitDir: string, head: string) => void]> = [
    ['the ref holds garbage', (g) => fs.writeFileSync(path.join(g, 'refs', 'heads', 'main'), 'not a commit id\n')],
    [
      'the ref names a commit that is gone',
      (g) => fs.writeFileSync(path.join(g, 'refs', 'heads', 'main'), 'f'.repeat(40) + '\n'),
    ],
    [
      'the newest commit object is deleted',
      (g, head) => fs.rmSync(path.join(g, 'objects', head.slice(0, 2), head.slice(2)), { force: true }),
    ],
  ];

  it.each(DAMAGE)(
    '%s: history and snapshot say STORE_DAMAGED and name the repair; nothing is recorded',
    async (_n, damage) => {
      const { home, work, h } = historyFixture();
      const tool = path.join(home, '.cursor', 'rules', 'rules.md');
      fs.mkdirSync(path.dirname(tool), { recursive: true });
      fs.writeFileSync(tool, 'rule\n');
      fs.writeFileSync(path.join(work, 'a.md'), 'a\n');
      await h.snapshot({ operation: 'test.one', correlationId: 'c1', phase: 'manual' }, [tool]);
      fs.writeFileSync(path.join(work, 'b.md'), 'b\n');
      const v2 = await h.snapshot({ operation: 'test.two', correlationId: 'c2', phase: 'manual' });
      // Another process (which remembers no head: its store path differs from this one's) sees the damage as git does.
      fs.symlinkSync(path.join(home, 'state'), path.join(home, 'state-of-another-process'));
      const fresh = createHistoryService({
        gitDir: path.join(home, 'state-of-another-process', 'history.git'),
        lockFile: path.join(home, 'state', 'lock'),
        workTree: () => work,
        logger: createLogger({ level: 'error' }),
        backupsDir: path.join(home, 'state', 'backups'),
      });
      damage(h.repo.gitDir, v2.version!);
      const refBefore = fs.readFileSync(path.join(h.repo.gitDir, 'refs', 'heads', 'main'), 'utf8');

      for (const attempt of [
        () => fresh.list(),
        () => fresh.snapshot({ operation: 'test.three', correlationId: 'c3', phase: 'manual' }, [tool]),
      ]) {
        const err = await attempt().catch((e: unknown) => e);
        expect(isAppError(err) ? err.code : String(err)).toBe('STORE_DAMAGED');
        expect((err as Error).message).toContain('history.git');
        expect((err as { hint: string }).hint).toContain('ai-config doctor --fix');
      }
      expect(fs.readFileSync(path.join(h.repo.gitDir, 'refs', 'heads', 'main'), 'utf8')).toBe(refBefore);
      expect(fs.readFileSync(tool, 'utf8')).toBe('rule\n');
    },
  );
});
