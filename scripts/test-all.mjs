// Checks the programs the tests need (preflight.mjs), runs every suite (type-check, lint, build, unit/integration,
// e2e) and ends with one line: "N passed, N failed, N skipped" totalling all of them. Exits non-zero if anything
// failed. A missing program stops it before any suite: one line per program, then "0 passed, 1 failed, 0 skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMissing, preflight } from './preflight.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const only = process.argv.slice(2);

function run(cmd, args) {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const suites = [
  { name: 'typecheck', run: () => run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) },
  { name: 'format', run: () => run(bin('prettier'), ['--check', '.', '--log-level', 'warn']) },
  { name: 'lint', run: () => run(bin('eslint'), ['.', '--max-warnings=0']) },
  {
    name: 'build',
    run: () =>
      run(process.execPath, [join(root, 'scripts', 'build-node.mjs')]).ok &&
      run(bin('vite'), ['build', '--logLevel', 'warn']),
  },
  {
    name: 'unit+integration (vitest)',
    run: () => {
      const out = join(results, 'unit.json');
      rmSync(out, { force: true });
      const r = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
      const j = readJson(out);
      if (!j) return { ...r, counts: { passed: 0, failed: 1, skipped: 0 } };
      return {
        ...r,
        counts: {
          passed: j.numPassedTests,
          failed: j.numFailedTests + (r.ok || j.numFailedTests ? 0 : 1),
          skipped: j.numPendingTests + j.numTodoTests,
        },
      };
    },
  },
  // Index speed regression gate: ratios to same-run floors at 1,000 and 10,000 files (bench/baseline.json).
  {
    name: 'bench:check',
    run: () =>
      run(process.execPath, [
        join(root, 'scripts', 'bench.mjs'),
        '--check',
        '--sizes',
        '1000,10000',
        '--runs',
        '2',
        '--queries',
        '50',
      ]),
  },
  {
    name: 'e2e (playwright)',
    run: () => {
      const out = join(results, 'e2e.json');
      rmSync(out, { force: true });
      // The Electron specs need a display: where an Electron binary exists but no display does, use Xvfb.
      const electronPresent = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
      const needsXvfb =
        process.platform === 'linux' &&
        !process.env.DISPLAY &&
        electronPresent &&
        spawnSync('which', ['xvfb-run']).status === 0;
      const r = needsXvfb ? run('xvfb-run', ['-a', bin('playwright'), 'test']) : run(bin('playwright'), ['test']);
      const j = readJson(out);
      if (!j) return { ...r, counts: { passed: 0, failed: 1, skipped: 0 } };
      const s = j.stats;
      return {
        ...r,
        counts: {
          passed: s.expected + s.flaky,
          failed: s.unexpected + (r.ok || s.unexpected ? 0 : 1),
          skipped: s.skipped,
        },
      };
    },
  },
];

// Preflight: every program the tests need, or one line per missing one and a single failure instead of dozens.
process.stdout.write('\n=== preflight ===\n');
const checks = preflight({ root });
const missing = checks.filter((c) => !c.ok);
for (const c of missing) process.stdout.write(describeMissing(c) + '\n');
if (!missing.length) process.stdout.write(`found ${checks.map((c) => c.program).join(', ')}\n`);

const rows = missing.length ? [{ name: 'preflight', seconds: '0.0', passed: 0, failed: 1, skipped: 0 }] : [];
for (const suite of missing.length ? [] : suites) {
  if (only.length && !only.some((o) => suite.name.startsWith(o))) continue;
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  const r = suite.run();
  const counts = r.counts ?? (r.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
  rows.push({ name: suite.name, seconds: r.seconds, ...counts });
}

process.stdout.write('\nSuite                         passed  failed  skipped  seconds\n');
for (const r of rows)
  process.stdout.write(
    `${r.name.padEnd(30)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}${String(r.seconds).padStart(9)}\n`,
  );
const total = rows.reduce(
  (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
