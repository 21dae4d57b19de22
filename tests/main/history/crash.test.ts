import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonCodec, migrateDocument } from '../../../src/main/history/migrations';
import { settingsChain } from '../../../src/main/workspace/settings';
import { runCrashTrials, type CrashScenario } from '../../helpers/crash-harness';
import { testContext, testServices } from '../../helpers/app';
import { snapshotTree, tempDir } from '../../helpers/temp';

async function initHome(home: string) {
  const s = testServices(home);
  await s.init({}, testContext());
  return s;
}

/** What the next start does: open the services; history finishes or clears what the killed run left. */
async function recover(home: string): Promise<void> {
  await testServices(home).history.recover();
}

async function intact(home: string): Promise<void> {
  const v = await testServices(home).history.verify();
  if (!v.ok) throw new Error(`history damaged: ${v.problems.join('; ')}`);
}

function writeTree(root: string, prefix: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const f = path.join(root, 'knowledge', `${prefix}-${i % 7}`, `note ${i}.md`);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, `# ${prefix} ${i}\n${'text '.repeat(i)}\n`);
  }
}

function oldOrNew(
  now: Record<string, string>,
  old: Record<string, string>,
  next: Record<string, string>,
): 'old' | 'new' {
  if (JSON.stringify(now) === JSON.stringify(next)) return 'new';
  if (JSON.stringify(now) === JSON.stringify(old)) return 'old';
  const mixed = Object.keys({ ...now, ...old, ...next }).filter((k) => now[k] !== old[k] && now[k] !== next[k]);
  throw new Error(`the workspace is neither the old nor the new state (${mixed.slice(0, 5).join(', ')})`);
}

interface TreeStates {
  readonly old: Record<string, string>;
  readonly next: Record<string, string>;
  readonly version?: string;
}

const rollback: CrashScenario<TreeStates> = {
  name: 'rollback everything',
  async prepare(home) {
    const s = await initHome(home);
    const personal = s.personalDir();
    writeTree(personal, 'first', 40);
    const version = (await s.history.record({ operation: 'test.first', correlationId: 'c' }))!;
    const next = snapshotTree(personal);
    fs.rmSync(path.join(personal, 'knowledge', 'first-3'), { recursive: true });
    writeTree(personal, 'second', 25);
    fs.writeFileSync(path.join(personal, 'knowledge', 'first-1', 'note 1.md'), 'changed');
    await s.history.record({ operation: 'test.second', correlationId: 'c' });
    return { old: snapshotTree(personal), next, version };
  },
  args: (st) => ['rollback', st.version!],
  recover,
  async check(st, home) {
    await intact(home);
    return oldOrNew(snapshotTree(path.join(home, 'personal')), st.old, st.next);
  },
};

const migration: CrashScenario<{ v1: string; v2: string }> = {
  name: 'migration',
  async prepare(home) {
    await initHome(home);
    const file = path.join(home, 'settings.json');
    const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const v1Doc = { schemaVersion: 1, sources: current.sources, logLevel: 'debug', createdAt: current.createdAt };
    const v1 = JSON.stringify(v1Doc, null, 2) + '\n';
    fs.writeFileSync(file, v1);
    return { v1, v2: jsonCodec.serialize(migrateDocument(settingsChain, v1Doc, file).doc, v1) };
  },
  args: () => ['migrate'],
  recover,
  async check(st, home) {
    await intact(home);
    const text = fs.readFileSync(path.join(home, 'settings.json'), 'utf8');
    if (text === st.v2) return 'new';
    if (text === st.v1) return 'old';
    throw new Error(`settings.json is neither version: ${text.slice(0, 80)}`);
  },
};

const importing: CrashScenario<TreeStates> = {
  name: 'backup import (write-heavy)',
  async prepare(home) {
    const otherHome = tempDir();
    const other = await initHome(otherHome);
    writeTree(other.personalDir(), 'theirs', 100);
    await other.history.record({ operation: 'test.theirs', correlationId: 'c' });
    await other.history.exportTo(path.join(home, 'incoming.bundle'));
    const s = await initHome(home);
    writeTree(s.personalDir(), 'mine', 30);
    await s.history.record({ operation: 'test.mine', correlationId: 'c' });
    return { old: snapshotTree(s.personalDir()), next: snapshotTree(other.personalDir()) };
  },
  args: (_st, home) => ['backup', 'import', path.join(home, 'incoming.bundle')],
  recover,
  async check(st, home) {
    await intact(home);
    return oldOrNew(snapshotTree(path.join(home, 'personal')), st.old, st.next);
  },
};

describe('crash safety (SIGKILL at every failpoint)', () => {
  for (const scenario of [rollback, migration, importing] as const) {
    it(`${scenario.name}: wholly old or wholly new, history intact, nothing partial left`, async () => {
      const report = await runCrashTrials(scenario as CrashScenario<unknown>);
      expect(report.failures).toEqual([]);
      expect(report.held).toBe(report.failpoints);
      expect(report.failpoints).toBeGreaterThan(0);
    }, 600_000);
  }
});
