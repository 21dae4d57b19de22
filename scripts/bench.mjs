// The index benchmark: `npm run bench -- [--sizes 1000,10000,100000] [--runs 3] [--out FILE]`
// and the regression gate `npm run bench:check` (ratios against bench/baseline.json).
// Every figure is measured beside its floor in the same run, so ratios travel between machines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const check = args.includes('--check');
const relevanceOnly = args.includes('--relevance-only');
const sizes = relevanceOnly
  ? []
  : flag('sizes', check ? '1000,10000' : '1000,10000')
      .split(',')
      .map(Number);
const runs = Number(flag('runs', '3'));
/** How many of the 200 benchmark queries to time (ours and rg); the CI gate uses fewer to stay quick. */
const queryCount = Number(flag('queries', '200'));
const outFile = flag('out', join(outDir, 'bench.json'));
const baselineFile = flag('baseline', join(root, 'bench', 'baseline.json'));
/** A ratio regresses when it exceeds baseline * (1 + TOLERANCE) + SLACK: generous, for noisy 2-core CI machines. */
const TOLERANCE = Number(flag('tolerance', '2'));
const SLACK = 0.5;

mkdirSync(outDir, { recursive: true });
const runner = join(outDir, 'run.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['bench/run.ts'],
  outfile: runner,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

function step(mode, dir, ...rest) {
  const r = spawnSync(process.execPath, [runner, mode, dir, ...rest.map(String)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`bench step ${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const r1 = (x) => Math.round(x * 10) / 10;
const r3 = (x) => Math.round(x * 1000) / 1000;

async function rgFloor(dir) {
  const { sampleQueries } = await import(runner.replace('run.mjs', 'queries.mjs'));
  const times = [];
  for (const q of sampleQueries(queryCount)) {
    const words = q.split(/\s+/).filter(Boolean);
    const t = performance.now();
    spawnSync('rg', ['-l', '-i', '-F', ...words.flatMap((w) => ['-e', w]), join(dir, 'library', 'bench')], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

await build({
  absWorkingDir: root,
  stdin: { contents: "export { sampleQueries } from './bench/fixtures';", resolveDir: root, loader: 'ts' },
  outfile: join(outDir, 'queries.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});

const results = [];
for (const size of sizes) {
  const dir = join(outDir, 'fixtures', `${size}-seed42`);
  if (!existsSync(join(dir, 'READY'))) {
    process.stderr.write(`generating ${size} files...\n`);
    step('gen', dir, size);
  }
  process.stderr.write(`measuring ${size} files (${runs} runs)...\n`);
  const floors = [];
  const colds = [];
  const warms = [];
  for (let i = 0; i < runs; i++) {
    floors.push(step('floor', dir));
    colds.push(step('cold', dir));
  }
  for (let i = 0; i < runs; i++) warms.push(step('warm', dir));
  const live = step('live', dir, queryCount);
  const rg = await rgFloor(dir);
  const coldFloor = median(floors.map((f) => f.coldFloorMs));
  const statFloor = median(floors.map((f) => f.statFloorMs));
  const m = {
    files: colds[0].files,
    bytes: floors[0].bytes,
    coldDiscoveryMs: median(colds.map((c) => c.discoveryMs)),
    coldFullMs: median(colds.map((c) => c.fullMs)),
    coldFloorMs: coldFloor,
    warmMs: median(warms.map((w) => w.warmMs)),
    warmSearchReadyMs: median(warms.map((w) => w.searchReadyMs)),
    warmFloorMs: statFloor,
    changeMs: median(live.changeMs),
    changeFloorMs: live.debounceMs,
    burstMs: median(live.burstMs),
    burstBatches: Math.max(...live.burstBatches),
    burstFloorMs: live.debounceMs + median(live.burstReadMs),
    searchP50Ms: live.searchP50Ms,
    searchP95Ms: live.searchP95Ms,
    rgP50Ms: rg.p50,
    rgP95Ms: rg.p95,
    peakRssMb: Math.max(...colds.map((c) => c.maxRssMb), ...warms.map((w) => w.maxRssMb), live.maxRssMb),
    cacheBytes: colds[0].cacheBytes,
  };
  const ratios = {
    coldDiscovery: r3(m.coldDiscoveryMs / m.coldFloorMs),
    coldFull: r3(m.coldFullMs / m.coldFloorMs),
    // Against the larger, steadier cold floor: the stat-only floor is a few ms of syscalls and too noisy to gate on.
    warm: r3(m.warmMs / m.coldFloorMs),
    change: r3(m.changeMs / m.changeFloorMs),
    burst: r3(m.burstMs / m.burstFloorMs),
    searchP95: r3(m.searchP95Ms / m.rgP95Ms),
  };
  results.push({ size, runs, queries: queryCount, raw: { floors, colds, warms, live, rg }, median: m, ratios });
}

const rows = [
  [
    'cold index (discovery)',
    (m) => m.coldDiscoveryMs,
    (m) => m.coldFloorMs,
    'coldDiscovery',
    'git ls-files + read all',
  ],
  ['cold index (+ search)', (m) => m.coldFullMs, (m) => m.coldFloorMs, 'coldFull', 'git ls-files + read all'],
  ['warm start', (m) => m.warmMs, (m) => m.warmFloorMs, undefined, 'stat every file'],
  ['warm start (gated)', (m) => m.warmMs, (m) => m.coldFloorMs, 'warm', 'git ls-files + read all'],
  ['change -> searchable', (m) => m.changeMs, (m) => m.changeFloorMs, 'change', 'debounce'],
  ['burst of 500', (m) => m.burstMs, (m) => m.burstFloorMs, 'burst', 'debounce + read 500'],
  ['search p50', (m) => m.searchP50Ms, (m) => m.rgP50Ms, undefined, 'rg p50'],
  ['search p95', (m) => m.searchP95Ms, (m) => m.rgP95Ms, 'searchP95', 'rg p95'],
];
let table = '';
for (const r of results) {
  table += `\n${r.size} files (${(r.median.bytes / 1e6).toFixed(1)} MB), medians of ${r.runs} runs, ${r.queries} queries\n`;
  table += `${'measure'.padEnd(24)}${'ms'.padStart(10)}${'floor ms'.padStart(10)}${'ratio'.padStart(8)}  floor\n`;
  for (const [name, v, f, , floorName] of rows)
    table += `${name.padEnd(24)}${r1(v(r.median)).toString().padStart(10)}${r1(f(r.median)).toString().padStart(10)}${r3(
      v(r.median) / f(r.median),
    )
      .toString()
      .padStart(8)}  ${floorName}\n`;
  table += `${'batches in a burst'.padEnd(24)}${String(r.median.burstBatches).padStart(10)}\n${'peak RSS (MB)'.padEnd(24)}${String(r.median.peakRssMb).padStart(10)}\n${'cache file (MB)'.padEnd(24)}${(r.median.cacheBytes / 1e6).toFixed(1).padStart(10)}\n`;
}
process.stdout.write(table);
// Relevance: MRR and recall@10 of the query set in bench/relevance-queries.json (see bench/relevance.ts).
await build({
  absWorkingDir: root,
  entryPoints: ['bench/relevance.ts'],
  outfile: join(outDir, 'relevance.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const relRun = spawnSync(process.execPath, [join(outDir, 'relevance.mjs'), outDir], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (relRun.status !== 0) throw new Error(`relevance benchmark failed:\n${relRun.stderr}`);
const relevance = JSON.parse(relRun.stdout.trim().split('\n').pop());
let relTable = `\nrelevance: ${relevance.queries} queries over the fixture + ${relevance.noiseFiles} noise files\n`;
relTable += `${'category'.padEnd(24)}${'queries'.padStart(10)}${'MRR'.padStart(10)}${'recall@10'.padStart(10)}\n`;
for (const [name, c] of [['all', relevance], ...Object.entries(relevance.categories)])
  relTable += `${name.padEnd(24)}${String(c.queries).padStart(10)}${String(c.mrr).padStart(10)}${String(c.recall10).padStart(10)}\n`;
process.stdout.write(relTable);
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  results,
  relevance,
};
writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
process.stdout.write(`\nwrote ${outFile}\n`);

if (args.includes('--update-baseline') && relevanceOnly) {
  process.stderr.write('--update-baseline needs the timing runs: leave out --relevance-only\n');
  process.exitCode = 2;
} else if (args.includes('--update-baseline')) {
  const baseline = {
    note: 'Ratios to same-run floors; bench:check fails when a ratio exceeds baseline * (1 + tolerance) + slack.',
    tolerance: TOLERANCE,
    slack: SLACK,
    sizes: Object.fromEntries(results.map((r) => [r.size, r.ratios])),
    // Relevance floors are set by hand (a little under the measured figures), so an update keeps them.
    ...(existsSync(baselineFile) ? { relevance: JSON.parse(readFileSync(baselineFile, 'utf8')).relevance } : {}),
  };
  writeFileSync(baselineFile, JSON.stringify(baseline, null, 2) + '\n');
  process.stdout.write(`updated ${baselineFile}\n`);
}

if (check) {
  const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
  let failed = 0;
  process.stdout.write(`\nregression check against ${baselineFile} (limit = baseline x ${1 + TOLERANCE} + ${SLACK})\n`);
  for (const r of results) {
    const base = baseline.sizes[r.size];
    if (!base) {
      process.stdout.write(`  ${r.size}: no baseline, skipped\n`);
      continue;
    }
    for (const [name, value] of Object.entries(r.ratios)) {
      if (base[name] === undefined) continue;
      const limit = base[name] * (1 + TOLERANCE) + SLACK;
      const ok = value <= limit;
      if (!ok) failed++;
      process.stdout.write(
        `  ${ok ? 'ok  ' : 'FAIL'} ${String(r.size).padEnd(7)} ${name.padEnd(14)} ${String(value).padStart(8)}  (baseline ${base[name]}, limit ${r3(limit)})\n`,
      );
    }
    if (r.median.burstBatches > 3) {
      failed++;
      process.stdout.write(
        `  FAIL ${r.size} a burst of 500 changes took ${r.median.burstBatches} batches (at most 3 allowed)\n`,
      );
    }
  }
  const floors = baseline.relevance;
  if (floors) {
    for (const name of ['mrr', 'recall10']) {
      if (floors[name] === undefined) continue;
      const ok = relevance[name] >= floors[name];
      if (!ok) failed++;
      process.stdout.write(
        `  ${ok ? 'ok  ' : 'FAIL'} relevance ${name.padEnd(14)} ${String(relevance[name]).padStart(8)}  (floor ${floors[name]})\n`,
      );
    }
  }
  process.stdout.write(failed ? `\n${failed} regression(s)\n` : '\nno regressions\n');
  process.exitCode = failed ? 1 : 0;
}
