// The relevance benchmark: the queries of bench/relevance-queries.json over the hand-written fixture
// (bench/relevance-fixture) plus generated noise files (bench/fixtures.ts), through the real index service.
// Built by scripts/bench.mjs; usage: node relevance.mjs <workDir>. Prints one JSON line: MRR, recall@10, per category.
import fs from 'node:fs';
import path from 'node:path';
import { createEventBus } from '../src/main/events';
import { createIndexService } from '../src/main/index/service';
import { createAuditTrail } from '../src/main/observability/audit';
import { createLogger } from '../src/main/observability/logger';
import { writeFixture } from './fixtures';

interface RelevanceQuery {
  readonly q: string;
  readonly cat: string;
  readonly relevant: ReadonlyArray<string>;
}
interface Score {
  n: number;
  rr: number;
  recall: number;
}

/** Noise documents the relevant ones must beat (their own seed, so they differ from the timing fixture). */
const NOISE_FILES = 2000;
const NOISE_SEED = 7;
const K = 10;

const benchDir = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(benchDir, '..', '..');
const fixtureDir = path.join(root, 'bench', 'relevance-fixture');
const queriesFile = path.join(root, 'bench', 'relevance-queries.json');

async function main() {
  const work = process.argv[2];
  if (!work) throw new Error('usage: relevance.mjs <workDir>');
  const noiseDir = path.join(work, `noise-${NOISE_FILES}-seed${NOISE_SEED}`);
  if (!fs.existsSync(path.join(noiseDir, 'READY'))) {
    fs.rmSync(noiseDir, { recursive: true, force: true });
    writeFixture(noiseDir, NOISE_FILES, NOISE_SEED);
    fs.writeFileSync(path.join(noiseDir, 'READY'), '');
  }
  const state = path.join(work, 'relevance-state');
  fs.rmSync(state, { recursive: true, force: true });
  const svc = createIndexService({
    cacheFile: path.join(state, 'library.idx'),
    roots: () => [
      { name: 'fixture', dir: fixtureDir },
      { name: 'noise', dir: noiseDir },
    ],
    logger: createLogger({ level: 'error' }),
    events: createEventBus(),
    lockFile: path.join(state, 'lock'),
    audit: createAuditTrail(path.join(state, 'audit.jsonl')),
    persistDelayMs: 60_000,
  });
  const { queries } = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as { queries: RelevanceQuery[] };
  const all: Score = { n: 0, rr: 0, recall: 0 };
  const byCat: Record<string, Score> = {};
  const misses: Array<{ q: string; rank: number | null; top: string[] }> = [];
  for (const query of queries) {
    const r = await svc.search({ query: query.q, limit: K });
    const ranked = r.hits.map((h) => (h.source === 'fixture' ? h.path : `${h.source}:${h.path}`));
    const first = ranked.findIndex((p) => query.relevant.includes(p));
    const rr = first >= 0 ? 1 / (first + 1) : 0;
    const recall = query.relevant.filter((p) => ranked.includes(p)).length / query.relevant.length;
    for (const s of [all, (byCat[query.cat] ??= { n: 0, rr: 0, recall: 0 })]) {
      s.n++;
      s.rr += rr;
      s.recall += recall;
    }
    if (rr < 1 || recall < 1) misses.push({ q: query.q, rank: first >= 0 ? first + 1 : null, top: ranked.slice(0, 3) });
  }
  await svc.close();
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const summary = (s: Score) => ({ queries: s.n, mrr: r3(s.rr / s.n), recall10: r3(s.recall / s.n) });
  process.stdout.write(
    JSON.stringify({
      ...summary(all),
      noiseFiles: NOISE_FILES,
      categories: Object.fromEntries(Object.entries(byCat).map(([c, s]) => [c, summary(s)])),
      misses,
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = 1;
});
