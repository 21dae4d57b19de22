import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../src/main/workspace/settings';
import { runCrashTrials, type CrashScenario } from '../../helpers/crash-harness';
import { testContext, testServices } from '../../helpers/app';
import { snapshotTree, tempDir } from '../../helpers/temp';

interface SyncStates {
  /** The personal workspace's files before and after, and where each lives (relative to the home). */
  readonly old: { readonly dir: string; readonly files: Record<string, string> };
  readonly next: { readonly dir: string; readonly files: Record<string, string> };
}

const SHARED = 'shared/ai';

/** Where the settings say the personal workspace is, relative to the home, and its files. */
function personalOf(home: string): { dir: string; files: Record<string, string> } {
  const abs = loadSettings(path.join(home, 'settings.json'))?.personalDir ?? path.join(home, 'personal');
  return { dir: path.relative(home, abs), files: snapshotTree(abs) };
}

/** Absolute paths in settings and state files name the prepared home; a copy names itself. */
function relocateState(template: string, home: string): void {
  const visit = (f: string) => {
    const st = fs.lstatSync(f, { throwIfNoEntry: false });
    if (st?.isDirectory() && !f.endsWith('.git')) for (const n of fs.readdirSync(f)) visit(path.join(f, n));
    else if (st?.isFile() && /\.(json|jsonl)$/.test(f))
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').split(template).join(home));
  };
  visit(path.join(home, 'settings.json'));
  visit(path.join(home, 'state'));
}

async function initWithNotes(home: string) {
  const s = testServices(home);
  await s.init({}, testContext());
  for (let i = 0; i < 20; i++) {
    const f = path.join(s.personalDir(), 'knowledge', `topic-${i % 4}`, `note ${i}.md`);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, `# Note ${i}\n${'text '.repeat(i)}\n`);
  }
  await s.history.record({ operation: 'test.notes', correlationId: 'c' });
  return s;
}

async function check(st: SyncStates, home: string): Promise<'old' | 'new'> {
  const v = await testServices(home).history.verify();
  if (!v.ok) throw new Error(`history damaged: ${v.problems.join('; ')}`);
  const now = personalOf(home);
  for (const [kind, want] of [
    ['new', st.next],
    ['old', st.old],
  ] as const) {
    if (now.dir !== want.dir) continue;
    const diff = Object.keys({ ...now.files, ...want.files }).filter((k) => now.files[k] !== want.files[k]);
    if (diff.length) throw new Error(`the personal workspace in ${now.dir} is missing or changed: ${diff.slice(0, 5)}`);
    return kind;
  }
  throw new Error(`the settings name ${now.dir} as the personal workspace, neither ${st.old.dir} nor ${st.next.dir}`);
}

const recover = async (home: string) => {
  await testServices(home).history.recover();
};

/** Computes the state after `op` on a copy at the same relative paths. */
async function after(home: string, op: (home: string) => Promise<unknown>) {
  const calc = tempDir('aicfg-crash-calc-');
  fs.cpSync(home, calc, { recursive: true, verbatimSymlinks: true });
  relocateState(home, calc);
  await op(calc);
  return personalOf(calc);
}

const setup: CrashScenario<SyncStates> = {
  name: 'sync setup to a plain folder',
  async prepare(home) {
    await initWithNotes(home);
    const next = await after(home, (h) =>
      testServices(h).sync.setup({ provider: 'folder', path: path.join(h, SHARED) }, testContext()),
    );
    return { old: personalOf(home), next };
  },
  relocate: relocateState,
  args: (_st, home) => ['sync', 'setup', '--provider', 'folder', '--path', path.join(home, SHARED)],
  recover,
  check,
};

const disconnect: CrashScenario<SyncStates> = {
  name: 'sync disconnect from a plain folder',
  async prepare(home) {
    await initWithNotes(home);
    await testServices(home).sync.setup({ provider: 'folder', path: path.join(home, SHARED) }, testContext());
    const next = await after(home, (h) => testServices(h).sync.disconnect({}, testContext()));
    return { old: personalOf(home), next };
  },
  relocate: relocateState,
  args: () => ['sync', 'disconnect'],
  recover,
  check,
};

describe('crash safety of sync setup and disconnect (SIGKILL at every failpoint)', () => {
  for (const scenario of [setup, disconnect] as const) {
    it(`${scenario.name}: the workspace is wholly in the old or wholly in the new place, history intact`, async () => {
      const report = await runCrashTrials(scenario as CrashScenario<unknown>);
      expect(report.failures).toEqual([]);
      expect(report.held).toBe(report.failpoints);
      expect(report.failpoints).toBeGreaterThan(0);
    }, 600_000);
  }
});
