import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/main/events';
import { createIndexService, type IndexServiceOptions } from '../../../src/main/index/service';
import { createAuditTrail } from '../../../src/main/observability/audit';
import { createLogger } from '../../../src/main/observability/logger';
import { tempDir } from '../../helpers/temp';

const WORDS = [
  'review',
  'deploy',
  'database',
  'schema',
  'naïve',
  'Straße',
  'latency',
  'rollback',
  'canary',
  'runbook',
  'oncall',
  'grpc',
];

function library() {
  const home = tempDir();
  const lib = path.join(home, 'library', 'team');
  const personal = path.join(home, 'personal');
  for (let i = 0; i < 60; i++) {
    const rel = `notes/n${i % 5}/file-${i}.md`;
    const body = Array.from({ length: 40 + i }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
    fs.mkdirSync(path.dirname(path.join(lib, rel)), { recursive: true });
    fs.writeFileSync(
      path.join(lib, rel),
      `---\ntitle: Note ${i} ${WORDS[i % WORDS.length]}\ntags: [t${i % 3}]\n---\n${body} unique${i}\n`,
    );
  }
  fs.mkdirSync(personal, { recursive: true });
  fs.writeFileSync(path.join(personal, 'mine.md'), '# Personal canary notes\nwith quokka');
  const make = (buildInWorker: IndexServiceOptions['buildInWorker'], cacheName: string) =>
    createIndexService({
      cacheFile: path.join(home, 'state', 'index', cacheName),
      roots: () => [
        { name: 'team', dir: lib },
        { name: 'personal', dir: personal },
      ],
      logger: createLogger({ level: 'error' }),
      events: createEventBus(),
      lockFile: path.join(home, 'state', 'lock'),
      audit: createAuditTrail(path.join(home, 'state', 'audit.jsonl')),
      buildInWorker,
    });
  return { lib, make };
}

const QUERIES = [
  'review',
  'naive',
  'naïve',
  'strasse',
  'straße',
  'databse',
  'roll',
  'note 7',
  'unique42',
  'canary quokka',
  't1',
];

describe('search index built in a worker thread', () => {
  it('answers exactly like one built on this thread, and its cache loads the same', async () => {
    const s = library();
    const here = s.make('never', 'here.idx');
    const there = s.make('always', 'there.idx');
    expect((await there.tree()).length).toBe(61);
    for (const q of QUERIES)
      expect((await there.search({ query: q, limit: 100 })).hits, q).toEqual(
        (await here.search({ query: q, limit: 100 })).hits,
      );
    await there.close();
    await here.close();
    const again = s.make('always', 'there.idx');
    expect((await again.stats()).loadedFrom).toBe('cache');
    for (const q of QUERIES)
      expect((await again.search({ query: q, limit: 100 })).total, q).toBe(
        (await s.make('never', 'here.idx').search({ query: q, limit: 100 })).total,
      );
    await again.close();
  });

  it('keeps files deleted or changed while the worker builds out of the results', async () => {
    const s = library();
    const svc = s.make('always', 'x.idx');
    expect((await svc.tree()).length).toBe(61);
    fs.rmSync(path.join(s.lib, 'notes/n2/file-42.md'));
    fs.writeFileSync(path.join(s.lib, 'notes/n3/file-43.md'), '---\ntitle: Rewritten\n---\nnow about zeppelin\n');
    const paths = async (query: string) => (await svc.search({ query, limit: 100 })).hits.map((h) => h.path);
    expect(await paths('unique42')).not.toContain('notes/n2/file-42.md');
    expect(await paths('unique43')).not.toContain('notes/n3/file-43.md');
    expect((await paths('unique44'))[0]).toBe('notes/n4/file-44.md');
    expect((await svc.search({ query: 'zeppelin' })).hits.map((h) => h.path)).toEqual(['notes/n3/file-43.md']);
    await svc.close();
  });
});
