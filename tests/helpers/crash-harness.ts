import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FAILPOINT_ENV, FAILPOINT_TRACE_ENV } from '../../src/main/failpoints';
import { bundledCli } from './cli-bundle';
import { ASSETS_DIR } from './app';
import { tempDir } from './temp';

/** One crash scenario: a prepared home, a CLI command that changes it, and the invariant to hold after a kill. */
export interface CrashScenario<S> {
  readonly name: string;
  /** Builds the starting state once (a temp AI_CONFIG_HOME); each trial runs on a copy of it. */
  prepare(home: string): Promise<S>;
  /** The CLI arguments of the operation to kill. */
  args(state: S, home: string): ReadonlyArray<string>;
  /**
   * Runs after the kill (and after `recover`): throws if the state is not wholly the old or wholly the new
   * one. Resolves to which it was, for the report.
   */
  check(state: S, home: string): Promise<'old' | 'new'>;
  /** What a next start does (e.g. open the services and let history recover, or run the next CLI command). */
  recover(home: string): Promise<void>;
  /** Fixes up a copy of the prepared home (e.g. absolute paths in the install manifest) before it is used. */
  relocate?(template: string, home: string): void;
  /** Extra environment for the CLI (e.g. HOME for user-scope tool files inside the trial's copy). */
  env?(home: string): NodeJS.ProcessEnv;
}

/** One kill: the Nth hit of a named failpoint. */
export interface KillPoint {
  readonly name: string;
  readonly hit: number;
}

export interface CrashReport {
  readonly name: string;
  /** Failpoint hits the uninterrupted operation passed, and how many distinct names they had. */
  readonly hits: number;
  readonly distinct: number;
  /** True when there were too many hits to kill at each: every name was killed at its first, a middle and last hit. */
  readonly sampled: boolean;
  /** Kills made (one trial each), and how many of them left a state that held the invariant. */
  readonly failpoints: number;
  readonly held: number;
  readonly old: number;
  readonly new: number;
  /** What did not hold, one line a kill point. */
  readonly failures: ReadonlyArray<string>;
  /** Wall-clock time of the killed runs and of recovery plus checks, for the report. */
  readonly runMs: number;
  readonly checkMs: number;
}

/** Up to this many hits, every hit of every failpoint gets a trial; above it, three hits of each name. */
const EVERY_HIT_LIMIT = 40;

interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the CLI on `home`. Detached: it leads its own process group, which a failpoint kills with its git children. */
export function runCli(
  cli: string,
  home: string,
  args: ReadonlyArray<string>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, AI_CONFIG_HOME: home, AI_CONFIG_ASSETS: ASSETS_DIR };
  if (!extraEnv[FAILPOINT_ENV]) delete env[FAILPOINT_ENV];
  if (!extraEnv[FAILPOINT_TRACE_ENV]) delete env[FAILPOINT_TRACE_ENV];
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const err: Buffer[] = [];
  child.stderr.on('data', (d: Buffer) => err.push(d));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      try {
        // Anything of the group still alive (a git child the kill missed) goes too, as in a power cut.
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone.
      }
      resolve({ code, signal, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Every leftover a killed writer could leave: temp files of ours and git lock files. */
export function leftovers(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory() && e.name.includes('.aicfg-init-')) out.push(path.relative(root, abs));
      else if (e.isDirectory()) visit(abs);
      else if (
        e.name.includes('.aicfg-tmp-') ||
        e.name.includes('.aicfg-init-') ||
        e.name.endsWith('.lock') ||
        e.name.startsWith('tmp_obj_') ||
        e.name.startsWith('tmp-index-') ||
        e.name === 'rollback-journal.json' ||
        e.name === 'pending.json'
      )
        out.push(path.relative(root, abs));
    }
  };
  visit(root);
  return out;
}

/** The hits of a trace in the order each name first appeared, with how often each came. */
export function countHits(trace: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of trace.split('\n').filter(Boolean)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/** Every hit when there are few; else each name at its first, a middle and its last hit. */
export function killPoints(counts: ReadonlyMap<string, number>): { points: KillPoint[]; sampled: boolean } {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const sampled = total > EVERY_HIT_LIMIT;
  const points: KillPoint[] = [];
  for (const [name, n] of counts) {
    const hits = sampled ? [...new Set([1, Math.ceil(n / 2), n])] : Array.from({ length: n }, (_, i) => i + 1);
    for (const hit of hits) points.push({ name, hit });
  }
  return { points, sampled };
}

/**
 * Lists every failpoint the scenario's operation passes (a traced, uninterrupted run that must reach the new
 * state), then kills a fresh copy of the prepared home at each (see {@link killPoints}), runs the scenario's
 * recovery and checks: wholly old or wholly new, nothing partial left. Deterministic: a kill happens at a named
 * hit, never at a time.
 */
export async function runCrashTrials<S>(scenario: CrashScenario<S>): Promise<CrashReport> {
  const cli = await bundledCli();
  const template = tempDir('aicfg-crash-');
  const state = await scenario.prepare(template);
  const copy = () => {
    const home = tempDir('aicfg-trial-');
    fs.cpSync(template, home, { recursive: true, verbatimSymlinks: true });
    scenario.relocate?.(template, home);
    return home;
  };
  const envOf = (home: string) => scenario.env?.(home) ?? {};

  const probe = copy();
  const trace = path.join(tempDir('aicfg-trace-'), 'failpoints.txt');
  const full = await runCli(cli, probe, scenario.args(state, probe), { ...envOf(probe), [FAILPOINT_TRACE_ENV]: trace });
  if (full.code !== 0)
    throw new Error(`${scenario.name}: the operation failed without a kill (exit ${full.code}): ${full.stderr}`);
  await scenario.recover(probe);
  if ((await scenario.check(state, probe)) !== 'new')
    throw new Error(`${scenario.name}: an uninterrupted run did not reach the new state`);
  const counts = countHits(fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8') : '');
  const { points, sampled } = killPoints(counts);
  fs.rmSync(probe, { recursive: true, force: true });

  const tally = { old: 0, new: 0 };
  const failures: string[] = [];
  const ms = { run: 0, check: 0 };
  for (const p of points) {
    const at = `${p.name}:${p.hit}`;
    const home = copy();
    let t = Date.now();
    try {
      const r = await runCli(cli, home, scenario.args(state, home), { ...envOf(home), [FAILPOINT_ENV]: at });
      ms.run += Date.now() - t;
      t = Date.now();
      if (r.signal !== 'SIGKILL')
        throw new Error(`the run did not stop there (exit ${r.code}): ${r.stderr.slice(-300)}`);
      await scenario.recover(home);
      const left = leftovers(home);
      if (left.length) throw new Error(`left ${left.join(', ')}`);
      tally[await scenario.check(state, home)]++;
    } catch (e) {
      failures.push(`killed at ${at}: ${(e as Error).message}`);
    }
    ms.check += Date.now() - t;
    fs.rmSync(home, { recursive: true, force: true });
  }
  const report: CrashReport = {
    name: scenario.name,
    hits: [...counts.values()].reduce((a, b) => a + b, 0),
    distinct: counts.size,
    sampled,
    failpoints: points.length,
    held: points.length - failures.length,
    ...tally,
    failures,
    runMs: ms.run,
    checkMs: ms.check,
  };
  console.log(describeReport(report));
  return report;
}

/** The report's line: "NAME: N failpoints, N held ...". */
export function describeReport(r: CrashReport): string {
  const how = r.sampled
    ? `each of ${r.distinct} names at its first, a middle and its last hit, of ${r.hits} hits`
    : `every one of ${r.hits} hits of ${r.distinct} names`;
  const time = `runs ${Math.round(r.runMs / 1000)} s, recovery and checks ${Math.round(r.checkMs / 1000)} s`;
  return `${r.name}: ${r.failpoints} failpoints, ${r.held} held (${how}; ${r.old} old, ${r.new} new; ${time})`;
}
