import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundledCli } from './cli-bundle';
import { ASSETS_DIR } from './app';
import { tempDir } from './temp';
import { rng } from '../../bench/fixtures';

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
  /** What a next start does (e.g. open the services and let history recover). */
  recover(home: string): Promise<void>;
  /** Extra environment for the CLI (e.g. HOME for user-scope tool files inside the trial's copy). */
  env?(home: string): NodeJS.ProcessEnv;
}

export interface CrashReport {
  readonly name: string;
  readonly kills: number;
  readonly old: number;
  readonly new: number;
  readonly finishedBeforeKill: number;
  readonly calibratedMs: number;
}

/** A small seeded generator, so a failing run can be repeated with the same kill points. */
export const seededRandom = rng;

function runCli(
  cli: string,
  home: string,
  args: ReadonlyArray<string>,
  killAfterMs?: number,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; killed: boolean; ms: number }> {
  const started = Date.now();
  // detached: the CLI and the git processes it started form one group, killed together (like a power cut).
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...extraEnv, AI_CONFIG_HOME: home, AI_CONFIG_ASSETS: ASSETS_DIR },
    stdio: 'ignore',
    detached: true,
  });
  let killed = false;
  const timer =
    killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
            killed = true;
          } catch {
            // already gone
          }
        }, killAfterMs);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed: killed && code === null, ms: Date.now() - started });
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

/**
 * Kills the CLI with SIGKILL at `kills` random points during the scenario's operation (uniform over its
 * measured duration), then runs recovery and the invariant check on each result.
 */
export async function runCrashTrials<S>(
  scenario: CrashScenario<S>,
  opts: { kills: number; seed: number },
): Promise<CrashReport> {
  const cli = await bundledCli();
  const template = tempDir('aicfg-crash-');
  const state = await scenario.prepare(template);
  const copy = () => {
    const home = tempDir('aicfg-trial-');
    fs.cpSync(template, home, { recursive: true, verbatimSymlinks: true });
    return home;
  };
  // Calibrate: how long the operation takes uninterrupted (and it must succeed and give the new state).
  const probe = copy();
  const envOf = (home: string) => scenario.env?.(home) ?? {};
  const full = await runCli(cli, probe, scenario.args(state, probe), undefined, envOf(probe));
  if (full.code !== 0) throw new Error(`${scenario.name}: the operation failed without a kill (exit ${full.code})`);
  await scenario.recover(probe);
  if ((await scenario.check(state, probe)) !== 'new')
    throw new Error(`${scenario.name}: an uninterrupted run did not reach the new state`);

  // Kill points: uniform from just before the process does any work (start-up measured with --version) to the end.
  const startup = (await runCli(cli, probe, ['--version'])).ms;
  const from = Math.floor(startup * 0.8);
  const span = Math.max(1, full.ms - from);
  const rnd = seededRandom(opts.seed);
  const counts = { old: 0, new: 0, finished: 0, kills: 0 };
  for (let i = 0; counts.kills < opts.kills; i++) {
    if (i > opts.kills * 3)
      throw new Error(`${scenario.name}: only ${counts.kills} of ${i} runs were killed before they finished`);
    const home = copy();
    const at = from + Math.floor(rnd() * span);
    const r = await runCli(cli, home, scenario.args(state, home), at, envOf(home));
    if (r.killed) counts.kills++;
    else counts.finished++;
    await scenario.recover(home);
    const left = leftovers(home);
    if (left.length) throw new Error(`${scenario.name}: run ${i + 1} killed at ${at} ms left ${left.join(', ')}`);
    try {
      counts[await scenario.check(state, home)]++;
    } catch (e) {
      throw new Error(`${scenario.name}: run ${i + 1} killed at ${at} ms: ${(e as Error).message}`);
    }
    fs.rmSync(home, { recursive: true, force: true });
  }
  return {
    name: scenario.name,
    kills: counts.kills,
    old: counts.old,
    new: counts.new,
    finishedBeforeKill: counts.finished,
    calibratedMs: full.ms,
  };
}
