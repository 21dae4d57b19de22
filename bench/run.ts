// One benchmark step in its own process (so each figure, and peak RSS, is measured cleanly).
// Built by scripts/bench.mjs; usage: node run.mjs <gen|floor|cold|warm|live> <fixtureDir> [files for gen | queries for live]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createEventBus } from '../src/main/events';
import { createIndexService, type IndexService } from '../src/main/index/service';
import { mapPool } from '../src/main/index/read-file';
import { createAuditTrail } from '../src/main/observability/audit';
import { createLogger } from '../src/main/observability/logger';
import { sampleQueries, writeFixture } from './fixtures';

const [mode, dir, countArg] = process.argv.slice(2) as [string, string, string | undefined];
const lib = path.join(dir, 'library', 'bench');
const personal = path.join(dir, 'personal');
const cacheFile = path.join(dir, 'state', 'index', 'library.idx');
const DEBOUNCE = 40;
const now = () => performance.now();
const out = (v: unknown) =>
  process.stdout.write(
    JSON.stringify({ ...(v as object), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n',
  );

function service(events = createEventBus()): IndexService {
  return createIndexService({
    cacheFile,
    roots: () => [
      { name: 'bench', dir: lib },
      { name: 'personal', dir: personal },
    ],
    logger: createLogger({ level: 'error' }),
    events,
    lockFile: path.join(dir, 'state', 'lock'),
    audit: createAuditTrail(path.join(dir, 'state', 'audit.jsonl')),
    debounceMs: DEBOUNCE,
    persistDelayMs: 60_000,
  });
}

function gitFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: lib, maxBuffer: 1 << 30 })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function main() {
  if (mode === 'gen') {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(personal, { recursive: true });
    const bytes = writeFixture(lib, Number(countArg), 42);
    const git = (...a: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...a],
        { cwd: lib, stdio: 'ignore' },
      );
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
    fs.writeFileSync(path.join(dir, 'READY'), String(bytes));
    return out({ bytes });
  }
  if (mode === 'floor') {
    const t0 = now();
    const files = gitFiles();
    let bytes = 0;
    await mapPool(files, 32, async (f) => {
      const b = await fs.promises.readFile(path.join(lib, f));
      bytes += b.byteLength;
    });
    const coldFloorMs = now() - t0;
    const t1 = now();
    for (const f of files) fs.statSync(path.join(lib, f));
    return out({ coldFloorMs, statFloorMs: now() - t1, files: files.length, bytes });
  }
  if (mode === 'cold') {
    fs.rmSync(path.join(dir, 'state'), { recursive: true, force: true });
    const svc = service();
    const t0 = now();
    const tree = await svc.tree();
    const discoveryMs = now() - t0;
    await svc.search({ query: 'review' });
    const fullMs = now() - t0;
    await svc.close();
    return out({
      discoveryMs,
      fullMs,
      persistMs: now() - t0 - fullMs,
      files: tree.length,
      cacheBytes: fs.statSync(cacheFile).size,
    });
  }
  if (mode === 'warm') {
    const svc = service();
    const t0 = now();
    const tree = await svc.tree();
    const warmMs = now() - t0;
    await svc.search({ query: 'review' });
    const searchReadyMs = now() - t0;
    const stats = await svc.stats();
    await svc.close();
    return out({ warmMs, searchReadyMs, files: tree.length, loadedFrom: stats.loadedFrom });
  }
  if (mode === 'live') {
    const events = createEventBus();
    const batches: Array<{ at: number; paths: ReadonlyArray<string> }> = [];
    events.on('files:changed', (e) => batches.push({ at: now(), paths: e.paths }));
    const svc = service(events);
    await svc.watch();
    const tree = await svc.tree();
    await svc.search({ query: 'warm up' });
    const queries = sampleQueries(Number(countArg ?? 200));
    const times: number[] = [];
    for (const q of queries) {
      const t = now();
      await svc.search({ query: q });
      times.push(now() - t);
    }
    const until = async (pred: () => boolean, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end)
          throw new Error(
            `timed out waiting for the watcher (${batches.length} batches; last: ${JSON.stringify(batches.slice(-2).map((b) => b.paths.slice(0, 3)))}; stats ${JSON.stringify(await svc.stats())})`,
          );
        await new Promise((r) => setTimeout(r, 1));
      }
    };
    const files = tree.filter((e) => e.source === 'bench' && e.path.endsWith('.md')).map((e) => e.path);
    const changeMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const rel = files[(i * 7919) % files.length]!;
      const word = `zqxchange${i}x${Date.now() % 100000}`;
      const seen = batches.length;
      const t = now();
      fs.appendFileSync(path.join(lib, rel), `\n${word}\n`);
      await until(() => batches.slice(seen).some((b) => b.paths.includes(rel)));
      const at = batches.slice(seen).find((b) => b.paths.includes(rel))!.at;
      const r = await svc.search({ query: word });
      if (r.total < 1) throw new Error(`changed file not searchable: ${word}`);
      changeMs.push(at - t);
    }
    const burstMs: number[] = [];
    const burstBatches: number[] = [];
    const burstReadMs: number[] = [];
    for (let b = 0; b < 3; b++) {
      await new Promise((r) => setTimeout(r, 300));
      const picked = Array.from({ length: 500 }, (_, i) => files[(b * 500 + i * 13) % files.length]!);
      const want = new Set(picked);
      const seen = batches.length;
      const word = `zqxburst${b}`;
      const t = now();
      for (const rel of want) fs.appendFileSync(path.join(lib, rel), `\n${word}\n`);
      await until(() => {
        const got = new Set(batches.slice(seen).flatMap((x) => x.paths));
        return [...want].every((p) => got.has(p));
      });
      burstMs.push(batches[batches.length - 1]!.at - t);
      burstBatches.push(batches.length - seen);
      const r = await svc.search({ query: word, limit: 1 });
      if (r.total < want.size) throw new Error(`burst: ${r.total} of ${want.size} searchable`);
      const t1 = now();
      await mapPool([...want], 32, (rel) => fs.promises.readFile(path.join(lib, rel)));
      burstReadMs.push(now() - t1);
    }
    await svc.close();
    execFileSync('git', ['checkout', '-q', '--', '.'], { cwd: lib });
    return out({
      searchP50Ms: quantile(times, 0.5),
      searchP95Ms: quantile(times, 0.95),
      changeMs,
      burstMs,
      burstBatches,
      burstReadMs,
      debounceMs: DEBOUNCE,
    });
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = 1;
});
