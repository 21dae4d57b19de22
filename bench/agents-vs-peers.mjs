#!/usr/bin/env node
// Benchmark: one fixture (1,000 rule files, 50 MCP servers) rendered into six tools (claude-code, cursor,
// copilot, codex, gemini, windsurf) by AI Configurator, by @intellectronica/ruler and by rulesync, each in a fresh
// temp project with its own HOME. Measures wall time, files written, and a no-op re-run. Run after `npm run build:node`:
//   node bench/agents-vs-peers.mjs [--rules 1000] [--servers 50] [--repeat 5] [--only NAME] [--split] [--json]
// By default our agent uses our defaults, as ruler and rulesync use theirs: Cursor gets one rule file with the
// resources inlined (as ruler does), Windsurf as few rule files as its 12,000-character limit allows (ruler writes one
// 1 MB rule, which Windsurf would cut off). --split asks for one Cursor and one Windsurf rule file per resource
// (settings.<tool>.split), ~2,000 files, the way rulesync writes one file per rule.
// With --repeat N every tool is measured N times, the tools interleaved round by round (so a noisy moment hits all of
// them alike), and the table shows medians with the ratio of each peer's time to ours.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RULES = opt('rules', 1000);
const SERVERS = opt('servers', 50);
const REPEAT = Math.max(1, opt('repeat', 1));
const JSON_OUT = args.includes('--json');
const SPLIT = args.includes('--split');
// BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to every measured process, for profiling;
// BENCH_STDERR=FILE appends each measured process's stderr there.
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const KEEP = args.includes('--keep');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const BIN = {
  ours: path.join(ROOT, 'bin', 'ai-config.mjs'),
  ruler: fs.realpathSync(path.join(ROOT, 'node_modules', '.bin', 'ruler')),
  rulesync: fs.realpathSync(path.join(ROOT, 'node_modules', '.bin', 'rulesync')),
};

// ---------- fixture ----------
const WORDS =
  'always prefer small pure functions name things for what they do keep modules cohesive validate inputs at the boundary log with correlation ids never swallow errors write the failing test first measure before optimising document why not what'.split(
    ' ',
  );
function ruleText(i) {
  const rnd = crypto.createHash('sha256').update(String(i)).digest();
  const para = (k) =>
    Array.from({ length: 40 }, (_, j) => WORDS[(rnd[(j + k) % 32] + j * 7 + i) % WORDS.length]).join(' ') + '.';
  return {
    title: `Rule ${String(i).padStart(4, '0')}`,
    body: `# Rule ${String(i).padStart(4, '0')}\n\n${para(1)}\n\n- ${para(2)}\n- ${para(3)}\n\n${para(4)}\n`,
  };
}
const rules = Array.from({ length: RULES }, (_, i) => ({
  rel: `group-${String(Math.floor(i / 100)).padStart(2, '0')}/rule-${String(i).padStart(4, '0')}.md`,
  ...ruleText(i),
}));
const servers = Array.from({ length: SERVERS }, (_, i) =>
  i % 2 === 0
    ? {
        name: `srv-${i}`,
        transport: 'stdio',
        command: 'npx',
        args: ['-y', `@example/mcp-server-${i}`],
        env: { LOG_LEVEL: 'info' },
      }
    : { name: `srv-${i}`, transport: 'http', url: `https://mcp${i}.example.test/mcp` },
);

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** path -> mtime:size of every file under the roots, skipping the tools' own inputs. */
function snapshot(roots, skip) {
  const out = new Map();
  const visit = (dir) => {
    let ents;
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of ents) {
      const abs = path.join(dir, e.name);
      if (skip(abs)) continue;
      if (e.isDirectory()) visit(abs);
      else if (e.isFile()) {
        const st = fs.statSync(abs);
        out.set(abs, `${st.mtimeMs}:${st.size}`);
      }
    }
  };
  for (const r of roots) visit(r);
  return out;
}
function changed(before, after) {
  let n = 0;
  for (const [k, v] of after) if (before.get(k) !== v) n++;
  for (const k of before.keys()) if (!after.has(k)) n++;
  return n;
}

function run(bin, argv, cwd, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...NODE_ARGS, bin, ...argv], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (process.env.BENCH_STDERR) fs.appendFileSync(process.env.BENCH_STDERR, `--- ${ms}\n` + r.stderr);
  if (r.status !== 0)
    throw new Error(
      `${path.basename(bin)} ${argv.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 2000)}`,
    );
  return ms;
}

function measure(name, setup, apply, skip) {
  if (ONLY && ONLY !== name) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aicfg-bench-${name}-`));
  const project = path.join(dir, 'project');
  const home = path.join(dir, 'home');
  fs.mkdirSync(project, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  const env = { PATH: process.env.PATH, HOME: home, AI_CONFIG_HOME: path.join(dir, 'cfg'), NO_COLOR: '1' };
  try {
    setup({ dir, project, home, env });
    const isInput = (abs) => abs.startsWith(path.join(dir, 'cfg')) || skip(abs);
    const s0 = snapshot([project, home], isInput);
    const firstMs = apply({ project, env });
    const s1 = snapshot([project, home], isInput);
    const rerunMs = apply({ project, env });
    const s2 = snapshot([project, home], isInput);
    return {
      tool: name,
      firstMs: Math.round(firstMs),
      filesWritten: changed(s0, s1),
      outputFiles: s1.size,
      rerunMs: Math.round(rerunMs),
      rerunFilesWritten: changed(s1, s2),
    };
  } finally {
    if (KEEP) console.error(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const TOOLS = {
  ours: 'claude-code,cursor,copilot,codex,gemini,windsurf',
  ruler: 'claude,cursor,copilot,codex,gemini-cli,windsurf',
  rulesync: 'claudecode,cursor,copilot,codexcli,geminicli,windsurf',
};

/** One thunk per tool; each call measures a fresh first run and re-run. */
const SUITE = [];

SUITE.push(() =>
  measure(
    'ai-configurator',
    ({ project, env }) => {
      run(BIN.ours, ['init'], project, env);
      const personal = path.join(env.AI_CONFIG_HOME, 'personal');
      for (const r of rules)
        write(path.join(personal, 'rules', r.rel), `---\ntitle: ${r.title}\ntags: [bench]\n---\n\n${r.body}`);
      for (const s of servers)
        write(
          path.join(personal, 'mcp-servers', `${s.name}.json`),
          JSON.stringify({ schemaVersion: 1, ...s }, null, 2) + '\n',
        );
      write(
        path.join(personal, 'agents', 'bench.md'),
        `---\nschemaVersion: 1\nname: bench\ndescription: Benchmark agent\nresources: ["rules/**"]\nmcpServers: [${servers.map((s) => s.name).join(', ')}]\n${SPLIT ? 'settings:\n  windsurf: { split: true }\n  cursor: { split: true }\n' : ''}---\n\nFollow every rule.\n`,
      );
    },
    ({ project, env }) =>
      run(BIN.ours, ['agent', 'install', 'bench', '--tool', TOOLS.ours, '--project', project, '--json'], project, env),
    () => false,
  ),
);

SUITE.push(() =>
  measure(
    'ruler',
    ({ project }) => {
      for (const r of rules) write(path.join(project, '.ruler', r.rel), r.body);
      const toml = servers
        .map((s) =>
          s.transport === 'stdio'
            ? `[mcp_servers.${JSON.stringify(s.name)}]\ncommand = ${JSON.stringify(s.command)}\nargs = ${JSON.stringify(s.args)}\nenv = { LOG_LEVEL = "info" }\n`
            : `[mcp_servers.${JSON.stringify(s.name)}]\nurl = ${JSON.stringify(s.url)}\n`,
        )
        .join('\n');
      write(path.join(project, '.ruler', 'ruler.toml'), toml);
    },
    ({ project, env }) =>
      run(
        BIN.ruler,
        ['apply', '--agents', TOOLS.ruler, '--project-root', project, '--no-backup', '--no-gitignore', '--local-only'],
        project,
        env,
      ),
    (abs) => abs.includes(`${path.sep}.ruler${path.sep}`) || abs.endsWith('.bak'),
  ),
);

SUITE.push(() =>
  measure(
    'rulesync',
    ({ project }) => {
      rules.forEach((r, i) =>
        write(
          path.join(project, '.rulesync', 'rules', r.rel.replace('/', '-')),
          `---\nroot: ${i === 0}\ntargets: ["*"]\ndescription: "${r.title}"\nglobs: ["**/*"]\n---\n\n${r.body}`,
        ),
      );
      const mcp = Object.fromEntries(
        servers.map((s) => [
          s.name,
          s.transport === 'stdio'
            ? { type: 'stdio', command: s.command, args: s.args, env: s.env }
            : { type: 'http', url: s.url },
        ]),
      );
      write(path.join(project, '.rulesync', 'mcp.json'), JSON.stringify({ mcpServers: mcp }, null, 2));
    },
    ({ project, env }) =>
      run(BIN.rulesync, ['generate', '--targets', TOOLS.rulesync, '--features', 'rules,mcp', '--silent'], project, env),
    (abs) => abs.includes(`${path.sep}.rulesync${path.sep}`) || abs.endsWith('rulesync.jsonc'),
  ),
);

const runs = [];
for (let round = 0; round < REPEAT; round++)
  for (const m of SUITE) {
    const r = m();
    if (r) runs.push(r);
  }
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};
const results = [...new Set(runs.map((r) => r.tool))].map((tool) => {
  const mine = runs.filter((r) => r.tool === tool);
  const last = mine[mine.length - 1];
  return {
    ...last,
    firstMs: median(mine.map((r) => r.firstMs)),
    rerunMs: median(mine.map((r) => r.rerunMs)),
    runs: mine.length,
    firstRuns: mine.map((r) => r.firstMs),
    reruns: mine.map((r) => r.rerunMs),
  };
});
const ours = results.find((r) => r.tool === 'ai-configurator');
for (const r of results)
  if (ours)
    Object.assign(r, {
      firstVsOurs: +(r.firstMs / ours.firstMs).toFixed(2),
      rerunVsOurs: +(r.rerunMs / ours.rerunMs).toFixed(2),
    });

const summary = {
  fixture: { rules: RULES, mcpServers: SERVERS, tools: TOOLS.ours.split(','), oursMode: SPLIT ? 'split' : 'default' },
  node: process.version,
  cpus: os.cpus().length,
  repeat: REPEAT,
  results,
};
fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench', 'out', `agents-vs-peers${SPLIT ? '-split' : ''}.json`),
  JSON.stringify(summary, null, 2) + '\n',
);
if (JSON_OUT) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(
    `Fixture: ${RULES} rule files, ${SERVERS} MCP servers -> ${summary.fixture.tools.join(', ')}; ours ${SPLIT ? 'one Cursor and one Windsurf rule file per resource' : 'our defaults (one Cursor rule file; Windsurf rules packed under its limit)'} (node ${process.version}, ${summary.cpus} CPUs)`,
  );
  if (REPEAT > 1) console.log(`Medians of ${REPEAT} runs each; x = the tool's time / ours.`);
  console.log(
    `${'tool'.padEnd(16)} ${'first run'.padStart(10)} ${'x'.padStart(6)} ${'files'.padStart(6)} ${'outputs'.padStart(8)} ${'re-run'.padStart(9)} ${'x'.padStart(6)} ${'re-run writes'.padStart(14)}`,
  );
  for (const r of results)
    console.log(
      `${r.tool.padEnd(16)} ${`${r.firstMs} ms`.padStart(10)} ${String(r.firstVsOurs ?? '').padStart(6)} ${String(r.filesWritten).padStart(6)} ${String(r.outputFiles).padStart(8)} ${`${r.rerunMs} ms`.padStart(9)} ${String(r.rerunVsOurs ?? '').padStart(6)} ${String(r.rerunFilesWritten).padStart(14)}`,
    );
}
