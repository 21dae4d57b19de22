import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/main/events';
import { markdownHeader } from '../../../src/main/index/fast-frontmatter';
import { createIndexService } from '../../../src/main/index/service';
import { createAuditTrail } from '../../../src/main/observability/audit';
import { createLogger } from '../../../src/main/observability/logger';
import { tempDir } from '../../helpers/temp';

// A Cursor rule as Cursor itself accepts it: unquoted glob, unquoted colon in the description.
const RULE = [
  '---',
  'description: Tolerant reading: quokka conventions',
  'globs: *.ts,src/**/*.tsx',
  'tags: [wombat, numbat]',
  'alwaysApply: false',
  '---',
  '# Quokka rule',
  'Prefer marsupial names.',
  '',
].join('\n');

describe('the index reads frontmatter the tools accept', () => {
  it('markdownHeader keeps the description and tags of an unquoted-glob frontmatter, body after the fence', () => {
    const h = markdownHeader(RULE, 'fallback');
    expect(h).toMatchObject({
      title: 'Quokka rule',
      description: 'Tolerant reading: quokka conventions',
      tags: ['wombat', 'numbat'],
    });
    expect(RULE.slice(h.bodyStart)).toBe('# Quokka rule\nPrefer marsupial names.\n');
    const tabs = markdownHeader('\ufeff---\r\ndescription: Tabbed\r\ntags:\r\n\t- koala\r\n---\r\nB', 'f');
    expect(tabs).toMatchObject({ description: 'Tabbed', tags: ['koala'], title: 'f' });
  });

  it('the library index lists and finds such a file by its description and tags, not by its frontmatter text', async () => {
    const home = tempDir();
    const lib = path.join(home, 'library', 'team');
    fs.mkdirSync(path.join(lib, 'tolerant-rules'), { recursive: true });
    fs.writeFileSync(path.join(lib, 'tolerant-rules', 'quokka.mdc'), RULE);
    const index = createIndexService({
      cacheFile: path.join(home, 'state', 'index', 'library.idx'),
      roots: () => [{ name: 'team', dir: lib }],
      logger: createLogger({ level: 'error' }),
      events: createEventBus(),
      lockFile: path.join(home, 'state', 'lock'),
      audit: createAuditTrail(path.join(home, 'state', 'audit.jsonl')),
      debounceMs: 30,
    });
    try {
      const entry = (await index.tree()).find((e) => e.path === 'tolerant-rules/quokka.mdc');
      expect(entry).toMatchObject({
        title: 'Quokka rule',
        description: 'Tolerant reading: quokka conventions',
        tags: ['wombat', 'numbat'],
      });
      const byTag = await index.search({ query: 'numbat' });
      expect(byTag.hits.map((h) => h.path)).toEqual(['tolerant-rules/quokka.mdc']);
      expect((await index.search({ query: 'conventions' })).hits.map((h) => h.path)).toEqual([
        'tolerant-rules/quokka.mdc',
      ]);
      // `alwaysApply` is only in the frontmatter: the frontmatter is not indexed as body text.
      expect((await index.search({ query: 'alwaysApply' })).total).toBe(0);
    } finally {
      await index.close();
    }
  });
});
