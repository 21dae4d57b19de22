import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCodec, migrateDocument, type MigrationChain } from '../../../src/main/history/migrations';
import { settingsChain, settingsMigrationTarget, loadSettings } from '../../../src/main/workspace/settings';
import { settingsSchema, settingsV1Schema } from '../../../src/shared/settings';
import { historyFixture } from '../../helpers/history';
import { testContext } from '../../helpers/app';

const name = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
const text = fc.string({ minLength: 1, maxLength: 30 });
const source = fc.record(
  {
    name,
    kind: fc.constantFrom('starter' as const, 'git' as const),
    url: text,
    branch: text,
    pinned: text,
    sshKey: text,
    tokenEnv: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
    tokenRef: text,
  },
  { requiredKeys: ['name', 'kind', 'url'] },
);
const v1Settings = fc.record(
  {
    schemaVersion: fc.constant(1 as const),
    sources: fc.array(source, { maxLength: 4 }),
    personalDir: text,
    logLevel: fc.constantFrom('debug' as const, 'info' as const, 'warn' as const, 'error' as const),
    createdAt: fc.string(),
  },
  { requiredKeys: ['schemaVersion', 'sources', 'createdAt'] },
);

describe('settings migration (property)', () => {
  it('a migrated v1 file validates under the current schema, keeps every user value, and migrating again changes nothing', () => {
    fc.assert(
      fc.property(v1Settings, (v1) => {
        expect(settingsV1Schema.safeParse(v1).success).toBe(true);
        const { doc, changes } = migrateDocument(settingsChain, v1, 'settings.json');
        const parsed = settingsSchema.parse(doc);
        expect(parsed.sources).toEqual(v1.sources);
        expect(parsed.personalDir).toEqual(v1.personalDir);
        expect(parsed.createdAt).toBe(v1.createdAt);
        expect(parsed.logging.level).toBe(v1.logLevel ?? 'info');
        expect(changes[0]).toContain('settings 1 → 2');
        const again = migrateDocument(settingsChain, doc, 'settings.json');
        expect(again.doc).toEqual(doc);
        expect(again.changes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('migrations', () => {
  it('refuses a newer file with a clear message and never downgrades it', () => {
    const chain: MigrationChain = {
      kind: 'agent',
      current: 2,
      migrations: [{ from: 1, describe: 'x', migrate: (d) => d }],
    };
    expect(() => migrateDocument(chain, { schemaVersion: 3 }, '/w/agents/a.json')).toThrow(
      /newer AI Configurator \(agent schemaVersion 3; this version understands up to 2\)/,
    );
    try {
      migrateDocument(chain, { schemaVersion: 3 }, 'f');
    } catch (e) {
      expect(e).toMatchObject({ code: 'FILE_NEWER', hint: expect.stringContaining('not changed') });
    }
    expect(() => migrateDocument(chain, {}, 'f')).toThrow(/schemaVersion/);
  });

  it('migrate: dry run reports, a real run backs up, versions before and after, and is idempotent', async () => {
    const { home, work, h } = historyFixture();
    const settings = path.join(home, 'settings.json');
    const v1 = {
      schemaVersion: 1,
      sources: [{ name: 'starter', kind: 'starter', url: 'embedded' }],
      logLevel: 'warn',
      createdAt: '2026-01-01',
    };
    fs.writeFileSync(settings, JSON.stringify(v1));
    h.migrations.register(settingsMigrationTarget(settings));
    // A second kind, registered the way the agents engineer will: its own chain, files and codec.
    const agents = path.join(work, 'agents');
    fs.mkdirSync(agents);
    fs.writeFileSync(path.join(agents, 'a.json'), JSON.stringify({ schemaVersion: 1, name: 'a', tools: 'x' }));
    fs.writeFileSync(path.join(agents, 'b.json'), JSON.stringify({ schemaVersion: 2, name: 'b', tools: ['y'] }));
    h.migrations.register({
      chain: {
        kind: 'agent',
        current: 2,
        migrations: [{ from: 1, describe: 'tools became a list', migrate: (d) => ({ ...d, tools: [d.tools] }) }],
      },
      files: () => fs.readdirSync(agents).map((f) => path.join(agents, f)),
      codec: jsonCodec,
    });

    const dry = await h.migrate({ dryRun: true }, testContext());
    expect(dry.files.map((f) => [f.kind, path.basename(f.file), f.from, f.to])).toEqual([
      ['settings', 'settings.json', 1, 2],
      ['agent', 'a.json', 1, 2],
    ]);
    expect(dry.files[0]!.changes).toEqual(
      expect.arrayContaining(['removed logLevel', 'added logging = {"level":"warn"}']),
    );
    expect(JSON.parse(fs.readFileSync(settings, 'utf8'))).toEqual(v1);

    const real = await h.migrate({ dryRun: false }, testContext('mig'));
    expect(real.files).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(real.files[0]!.backup!, 'utf8'))).toEqual(v1);
    expect(loadSettings(settings)).toMatchObject({
      schemaVersion: 2,
      logging: { level: 'warn' },
      history: { retentionDays: 30 },
    });
    expect(JSON.parse(fs.readFileSync(path.join(agents, 'a.json'), 'utf8'))).toEqual({
      schemaVersion: 2,
      name: 'a',
      tools: ['x'],
    });
    const versions = await h.list();
    expect(versions.map((v) => [v.operation, v.phase])).toEqual([
      ['history.migrate', 'after'],
      ['history.migrate', 'before'],
    ]);
    expect(versions[0]!.files.map((f) => f.path)).toEqual(expect.arrayContaining([settings, 'agents/a.json']));
    // The old settings can be brought back from history.
    expect((await h.diff(versions[1]!.id, versions[0]!.id, settings)).files[0]!.before).toContain('"logLevel":"warn"');

    expect((await h.migrate({ dryRun: false }, testContext())).files).toEqual([]);

    fs.writeFileSync(path.join(agents, 'c.json'), JSON.stringify({ schemaVersion: 9 }));
    await expect(h.migrate({ dryRun: false }, testContext())).rejects.toMatchObject({ code: 'FILE_NEWER' });
    expect(fs.readFileSync(path.join(agents, 'c.json'), 'utf8')).toBe('{"schemaVersion":9}');
  });
});
