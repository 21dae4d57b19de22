import fs from 'node:fs';
import path from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same library on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE =
  `review test deploy service database schema migration api endpoint request response error retry timeout cache index query latency security token secret auth session cookie header policy rule agent prompt context model tool server client config setting build release version branch commit merge rebase pipeline container image cluster node pod volume network proxy gateway queue worker job event stream log metric trace alert dashboard incident runbook oncall backup restore snapshot rollback feature flag experiment rollout canary monitor health check lint format style guide naming module package dependency library framework component state store action reducer render hook effect layout theme accessibility keyboard screen reader contrast label form input validation password email user account role permission team project owner reviewer approval checklist template example pattern anti pattern refactor performance memory cpu profile benchmark regression coverage fixture mock stub integration unit end browser mobile desktop terminal shell script python typescript javascript rust golang java kotlin swift sql graphql grpc rest json yaml toml markdown documentation changelog readme license contributing onboarding architecture decision record`.split(
    /\s+/,
  );
const SYL = [
  'ka',
  'ro',
  'mi',
  'te',
  'lu',
  'sa',
  'no',
  'vi',
  'pe',
  'do',
  'ra',
  'zu',
  'fe',
  'gi',
  'ho',
  'ja',
  'be',
  'ci',
  'xo',
  'ly',
  'tra',
  'mon',
  'sel',
  'dor',
];
const TAGS = [
  'backend',
  'frontend',
  'security',
  'devops',
  'data',
  'testing',
  'review',
  'api',
  'docs',
  'mobile',
  'infra',
  'ml',
  'policy',
  'onboarding',
  'performance',
  'accessibility',
  'database',
  'cloud',
  'observability',
  'release',
];
const TOP = ['common', 'roles', 'teams', 'projects', 'guides', 'policies', 'playbooks', 'notes'];

/** The vocabulary: common engineering words first, then a long tail of made-up words (Zipf-like use). */
export function vocabulary(seed: number, size = 12000): string[] {
  const r = rng(seed ^ 0x9e3779b9);
  const words = [...BASE];
  const seen = new Set(words);
  while (words.length < size) {
    let w = '';
    const n = 2 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

export interface FixtureFile {
  readonly rel: string;
  readonly text: string;
}

/** One Markdown knowledge file, agent or MCP server JSON of a realistic size (median about 2.5 KB). */
function makeFile(r: () => number, words: string[], i: number, folder: string): FixtureFile {
  const word = () => words[Math.floor(r() ** 2.4 * words.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = () => {
    const s = phrase(6 + Math.floor(r() * 14));
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const name = `${word()}-${word()}-${i}`;
  if (folder.startsWith('mcp-servers')) {
    return {
      rel: `${folder}/${name}.json`,
      text:
        JSON.stringify(
          {
            name,
            title: phrase(3),
            description: sentence(),
            tags: [TAGS[i % TAGS.length]],
            transport: 'stdio',
            command: 'npx',
            args: ['-y', `@example/${name}`],
          },
          null,
          2,
        ) + '\n',
    };
  }
  const tags = Array.from(
    new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => TAGS[Math.floor(r() * TAGS.length)]!)),
  );
  const target = Math.exp(Math.log(2500) + (r() + r() + r() - 1.5) * 1.1);
  let body = `# ${phrase(4)}\n\n`;
  while (body.length < target) {
    const pick = r();
    if (pick < 0.15) body += `## ${phrase(3)}\n\n`;
    else if (pick < 0.35)
      body +=
        Array.from({ length: 3 + Math.floor(r() * 4) }, () => `- ${phrase(4 + Math.floor(r() * 8))}`).join('\n') +
        '\n\n';
    else if (pick < 0.42) body += '```ts\n' + `const ${word()} = ${word()}(${word()});\n` + '```\n\n';
    else body += Array.from({ length: 2 + Math.floor(r() * 4) }, sentence).join(' ') + '\n\n';
  }
  const title = phrase(3 + Math.floor(r() * 3));
  const fm = `---\ntitle: ${title[0]!.toUpperCase() + title.slice(1)}\ndescription: ${sentence()}\ntags: [${tags.join(', ')}]\n---\n\n`;
  return { rel: `${folder}/${name}.md`, text: fm + body };
}

/** The folder of file number `i`: nested 1 to 4 levels deep, about 25 files a folder. */
function folderOf(r: () => number, words: string[], i: number): string {
  if (i % 40 === 0) return 'agents';
  if (i % 53 === 0) return 'mcp-servers';
  const group = Math.floor(i / 25);
  const g = rng(group * 7919 + 13);
  const depth = 1 + Math.floor(g() * 3);
  const parts = [TOP[group % TOP.length]!];
  for (let d = 0; d < depth; d++) parts.push(words[Math.floor(g() * 400)]!);
  void r;
  return parts.join('/');
}

/** Generates `count` files deterministically from `seed`. */
export function* fixtureFiles(count: number, seed = 42): Generator<FixtureFile> {
  const words = vocabulary(seed);
  const r = rng(seed);
  for (let i = 0; i < count; i++) yield makeFile(r, words, i, folderOf(r, words, i));
}

/** Writes the fixture library under `dir` and returns how many bytes it holds. */
export function writeFixture(dir: string, count: number, seed = 42): number {
  let bytes = 0;
  const made = new Set<string>();
  for (const f of fixtureFiles(count, seed)) {
    const abs = path.join(dir, f.rel);
    const parent = path.dirname(abs);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(abs, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}

/** 200 search queries of the kinds people type: words, two-word phrases, prefixes and typos. */
export function benchQueries(seed = 42, n = 200): string[] {
  const words = vocabulary(seed);
  const r = rng(seed + 1);
  const pick = () => words[Math.floor(r() ** 1.6 * Math.min(words.length, 3000))]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    const w = pick();
    if (kind === 0) out.push(w);
    else if (kind === 1) out.push(`${w} ${pick()}`);
    else if (kind === 2) out.push(w.slice(0, Math.max(3, Math.ceil(w.length * 0.6))));
    else out.push(w.length >= 5 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w);
  }
  return out;
}

/** `count` of the 200 queries, evenly spread so every kind of query stays represented. */
export function sampleQueries(count: number, seed = 42): string[] {
  const all = benchQueries(seed, 200);
  if (count >= all.length) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}
