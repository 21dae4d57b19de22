#!/usr/bin/env node
// Benchmark: AI Configurator against @intellectronica/ruler and rulesync, each in a fresh temp project with its own
// HOME (and AI_CONFIG_HOME for ours). Run after `npm run build:node` (`npm run bench:agents -- [flags]` does both).
//
// Default (every kind): 1,000 rules (half path-scoped with `globs:`), 100 skills of 3 files (SKILL.md, a script, a
// reference), 100 commands, 20 hook files, 50 MCP servers and one agent listing all of them, installed by us into all
// eleven tools at project scope (what a tool cannot hold it reports as skipped; the table counts those). rulesync
// generates the same features (rules, skills, commands, hooks, mcp) from its own `.rulesync/` input into the tools it
// supports; ruler writes what it can (rules + MCP) into the tools it supports. Each peer is compared with an install
// of ours into the SAME tools with the SAME features ("ours vs rulesync", "ours vs ruler"); "ours (all)" is the
// whole fixture into all eleven tools.
//
// --rules-only: the older fixture (1,000 rule files, 50 MCP servers) into six tools (claude-code, cursor, copilot,
// codex, gemini, windsurf). There our agent uses our defaults, as ruler and rulesync use theirs: Cursor gets one rule
// file with the resources inlined (as ruler does), Windsurf as few rule files as its 12,000-character limit allows
// (ruler writes one 1 MB rule, which Windsurf would cut off). --split asks for one Cursor and one Windsurf rule file
// per resource (settings.<tool>.split), ~2,000 files, the way rulesync writes one file per rule.
//
//   node bench/agents-vs-peers.mjs [--rules-only] [--rules 1000] [--servers 50] [--skills 100] [--commands 100]
//     [--hooks 20] [--repeat 5] [--only NAME] [--split] [--json] [--keep]
// With --repeat N every run is measured N times, the runs interleaved round by round (so a noisy moment hits all of
// them alike), and the table shows medians. A no-op re-run of ours must write 0 files: the script exits 1 otherwise.
// Peak RSS: /usr/bin/time -f %M of the measured process when /usr/bin/time exists, else the child's own
// process.resourceUsage().maxRSS written at exit by a preloaded hook (`--import data:...`); the table says which.
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
const RULES_ONLY = args.includes('--rules-only');
const RULES = opt('rules', 1000);
const SERVERS = opt('servers', 50);
const SKILLS = RULES_ONLY ? 0 : opt('skills', 100);
const COMMANDS = RULES_ONLY ? 0 : opt('commands', 100);
const HOOKS = RULES_ONLY ? 0 : opt('hooks', 20);
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
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_METHOD = GNU_TIME ? '/usr/bin/time -f %M' : 'child process.resourceUsage().maxRSS (preloaded hook)';
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    "import fs from 'node:fs';process.on('exit',()=>fs.writeFileSync(process.env.BENCH_RSS_FILE," +
      'String(process.resourceUsage().maxRSS)));',
  );

// ---------- fixture ----------
const WORDS =
  'always prefer small pure functions name things for what they do keep modules cohesive validate inputs at the boundary log with correlation ids never swallow errors write the failing test first measure before optimising document why not what'.split(
    ' ',
  );
const pad = (i) => String(i).padStart(4, '0');
function prose(i, k, n = 40) {
  const rnd = crypto.createHash('sha256').update(String(i)).digest();
  return Array.from({ length: n }, (_, j) => WORDS[(rnd[(j + k) % 32] + j * 7 + i) % WORDS.length]).join(' ') + '.';
}
function ruleText(i) {
  return {
    title: `Rule ${pad(i)}`,
    body: `# Rule ${pad(i)}\n\n${prose(i, 1)}\n\n- ${prose(i, 2)}\n- ${prose(i, 3)}\n\n${prose(i, 4)}\n`,
  };
}
const rules = Array.from({ length: RULES }, (_, i) => ({
  rel: `group-${String(Math.floor(i / 100)).padStart(2, '0')}/rule-${pad(i)}.md`,
  // Every kind: every other rule is path-scoped.
  globs: !RULES_ONLY && i % 2 === 1 ? [`src/group-${String(Math.floor(i / 100)).padStart(2, '0')}/**/*.ts`] : undefined,
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
const skills = Array.from({ length: SKILLS }, (_, i) => ({
  name: `skill-${pad(i)}`,
  description: `Skill ${pad(i)}: ${prose(i + 5000, 1, 12)} Use when asked for skill ${pad(i)}.`,
  body: `# Skill ${pad(i)}\n\nRun scripts/run.sh, then read reference/notes.md.\n\n${prose(i + 5000, 2)}\n`,
  script: `#!/bin/sh\n# skill ${pad(i)}\necho "skill ${pad(i)}" "$@"\n`,
  reference: `# Notes for skill ${pad(i)}\n\n${prose(i + 5000, 3)}\n\n${prose(i + 5000, 4)}\n`,
}));
const commands = Array.from({ length: COMMANDS }, (_, i) => ({
  name: `cmd-${pad(i)}`,
  description: `Command ${pad(i)}`,
  body: `Do task ${pad(i)} for $ARGUMENTS.\n\n${prose(i + 9000, 1)}\n`,
}));
const HOOK_KINDS = [
  { ours: 'pre-tool', rulesync: 'preToolUse', matcher: 'Bash' },
  { ours: 'post-tool', rulesync: 'postToolUse', matcher: 'Edit|Write' },
  { ours: 'session-start', rulesync: 'sessionStart' },
  { ours: 'stop', rulesync: 'stop' },
];
const hooks = Array.from({ length: HOOKS }, (_, i) => ({
  name: `hook-${pad(i)}`,
  ...HOOK_KINDS[i % HOOK_KINDS.length],
  command: `./scripts/hook-${pad(i)}.sh`,
}));

function write(file, text, mode) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  if (mode) fs.chmodSync(file, mode);
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

/** Runs one measured process; wall time in ms, peak RSS in MB, stdout. */
function run(bin, argv, cwd, env) {
  const rssFile = path.join(os.tmpdir(), `aicfg-bench-rss-${process.pid}-${crypto.randomUUID()}`);
  const node = [process.execPath, ...NODE_ARGS, ...(GNU_TIME ? [] : ['--import', RSS_HOOK]), bin, ...argv];
  const [cmd, ...cmdArgs] = GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...node] : node;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, {
    cwd,
    env: GNU_TIME ? env : { ...env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssMb;
  try {
    rssMb = Math.round(Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024);
    fs.rmSync(rssFile, { force: true });
  } catch {
    rssMb = undefined;
  }
  if (process.env.BENCH_STDERR) fs.appendFileSync(process.env.BENCH_STDERR, `--- ${ms}\n` + r.stderr);
  if (r.status !== 0)
    throw new Error(
      `${path.basename(bin)} ${argv.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 2000)}`,
    );
  return { ms, rssMb, stdout: r.stdout };
}

function measure(name, setup, apply, skip) {
  if (ONLY && ONLY !== name) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aicfg-bench-${name.replace(/[^a-z0-9]+/gi, '-')}-`));
  const project = path.join(dir, 'project');
  const home = path.join(dir, 'home');
  fs.mkdirSync(project, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  const env = { PATH: process.env.PATH, HOME: home, AI_CONFIG_HOME: path.join(dir, 'cfg'), NO_COLOR: '1' };
  try {
    setup({ dir, project, home, env });
    const isInput = (abs) => abs.startsWith(path.join(dir, 'cfg')) || skip(abs);
    const s0 = snapshot([project, home], isInput);
    const first = apply({ project, env });
    const s1 = snapshot([project, home], isInput);
    const rerun = apply({ project, env });
    const s2 = snapshot([project, home], isInput);
    return {
      tool: name,
      firstMs: Math.round(first.ms),
      filesWritten: changed(s0, s1),
      outputFiles: s1.size,
      rerunMs: Math.round(rerun.ms),
      rerunFilesWritten: changed(s1, s2),
      peakRssMb: Math.max(first.rssMb ?? 0, rerun.rssMb ?? 0) || undefined,
      ...(first.extra ? first.extra(rerun) : {}),
    };
  } finally {
    if (KEEP) console.error(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- the tools each runs into ----------
/** Ours -> ruler's and rulesync's names; undefined: the peer has no such target (rulesync 17 dropped geminicli and
 * windsurf; Devin Desktop, its `devin`, is the one that writes .devin/). */
const PEER_NAMES = {
  'amazon-q': { ruler: 'amazonqcli' },
  kiro: { ruler: 'kiro', rulesync: 'kiro-ide' },
  'claude-code': { ruler: 'claude', rulesync: 'claudecode' },
  cursor: { ruler: 'cursor', rulesync: 'cursor' },
  codex: { ruler: 'codex', rulesync: 'codexcli' },
  copilot: { ruler: 'copilot', rulesync: 'copilot' },
  gemini: { ruler: 'gemini-cli', rulesync: RULES_ONLY ? 'geminicli' : undefined },
  antigravity: { ruler: 'antigravity', rulesync: 'antigravity-ide' },
  windsurf: { ruler: 'windsurf', rulesync: RULES_ONLY ? 'windsurf' : undefined },
  devin: { rulesync: 'devin' },
  'claude-desktop': {},
};
// Claude Desktop has no project-scope files (an install there is refused with UNSUPPORTED): the other ten.
const ALL_TOOLS = Object.keys(PEER_NAMES).filter((t) => t !== 'claude-desktop');
const SIX = ['claude-code', 'cursor', 'copilot', 'codex', 'gemini', 'windsurf'];
const oursFor = (peer) => (RULES_ONLY ? SIX : ALL_TOOLS).filter((t) => PEER_NAMES[t][peer]);
const TOOLS = {
  ours: RULES_ONLY ? SIX : ALL_TOOLS,
  // The old fixture kept rulesync's pre-17 names; rulesync 17 skips geminicli and windsurf with a note.
  ruler: oursFor('ruler').map((t) => PEER_NAMES[t].ruler),
  rulesync: oursFor('rulesync').map((t) => PEER_NAMES[t].rulesync),
};

/** Our library: rules, MCP servers and (unless `kinds` is only rules+MCP) skills, commands and hooks; one agent. */
function writeOurs(env, kinds) {
  const personal = path.join(env.AI_CONFIG_HOME, 'personal');
  for (const r of rules)
    write(
      path.join(personal, 'rules', r.rel),
      `---\ntitle: ${r.title}\ntags: [bench]\n${r.globs ? `globs: ${JSON.stringify(r.globs)}\n` : ''}---\n\n${r.body}`,
    );
  for (const s of servers)
    write(
      path.join(personal, 'mcp-servers', `${s.name}.json`),
      JSON.stringify({ schemaVersion: 1, ...s }, null, 2) + '\n',
    );
  if (kinds === 'all') {
    for (const s of skills) {
      const d = path.join(personal, 'skills', s.name);
      write(
        path.join(d, 'SKILL.md'),
        `---\nname: ${s.name}\ndescription: ${JSON.stringify(s.description)}\n---\n\n${s.body}`,
      );
      write(path.join(d, 'scripts', 'run.sh'), s.script, 0o755);
      write(path.join(d, 'reference', 'notes.md'), s.reference);
    }
    for (const c of commands)
      write(
        path.join(personal, 'commands', `${c.name}.md`),
        `---\ndescription: ${c.description}\nargument-hint: "[target]"\n---\n\n${c.body}`,
      );
    for (const h of hooks)
      write(
        path.join(personal, 'hooks', `${h.name}.yaml`),
        `hooks:\n  - event: ${h.ours}\n${h.matcher ? `    matcher: ${JSON.stringify(h.matcher)}\n` : ''}    command: ${h.command}\n`,
      );
  }
  const kindLines =
    kinds === 'all'
      ? 'rules: ["rules/**"]\nskills: ["skills/*"]\ncommands: ["commands/*"]\nhooks: ["hooks/*"]\n'
      : 'resources: ["rules/**"]\n';
  write(
    path.join(personal, 'agents', 'bench.md'),
    `---\nschemaVersion: 1\nname: bench\ndescription: Benchmark agent\n${kindLines}mcpServers: [${servers.map((s) => s.name).join(', ')}]\n${SPLIT ? 'settings:\n  windsurf: { split: true }\n  cursor: { split: true }\n' : ''}---\n\nFollow every rule.\n`,
  );
}

/** Our install of `tools` with the given kinds; the result carries the report's skipped count and outcomes. */
function ours(name, tools, kinds) {
  return () =>
    measure(
      name,
      ({ project, env }) => {
        run(BIN.ours, ['init'], project, env);
        writeOurs(env, kinds);
      },
      ({ project, env }) => {
        const r = run(
          BIN.ours,
          ['agent', 'install', 'bench', '--tool', tools.join(','), '--project', project, '--json'],
          project,
          env,
        );
        const parsed = JSON.parse(r.stdout);
        const results = Array.isArray(parsed) ? parsed : [parsed];
        const written = results.reduce((n, x) => n + x.written, 0);
        const outcomes = { native: 0, fallback: 0, skipped: 0 };
        const skippedByTool = {};
        for (const x of results)
          for (const o of x.report ?? []) {
            outcomes[o.outcome]++;
            if (o.outcome === 'skipped') skippedByTool[x.tool] = (skippedByTool[x.tool] ?? 0) + 1;
          }
        return {
          ...r,
          extra: (rerun) => ({
            oursWritten: written,
            oursRerunWritten: [JSON.parse(rerun.stdout)].flat().reduce((n, x) => n + x.written, 0),
            outcomes,
            skippedByTool,
            tools,
          }),
        };
      },
      () => false,
    );
}

function ruler(tools) {
  return () =>
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
          [
            'apply',
            '--agents',
            tools.join(','),
            '--project-root',
            project,
            '--no-backup',
            '--no-gitignore',
            '--local-only',
          ],
          project,
          env,
        ),
      (abs) => abs.includes(`${path.sep}.ruler${path.sep}`) || abs.endsWith('.bak'),
    );
}

function rulesync(tools, features) {
  return () =>
    measure(
      'rulesync',
      ({ project }) => {
        const rs = path.join(project, '.rulesync');
        rules.forEach((r, i) =>
          write(
            path.join(rs, 'rules', r.rel.replace('/', '-')),
            `---\nroot: ${i === 0}\ntargets: ["*"]\ndescription: "${r.title}"\nglobs: ${JSON.stringify(r.globs ?? ['**/*'])}\n---\n\n${r.body}`,
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
        write(path.join(rs, 'mcp.json'), JSON.stringify({ mcpServers: mcp }, null, 2));
        for (const s of skills) {
          const d = path.join(rs, 'skills', s.name);
          write(
            path.join(d, 'SKILL.md'),
            `---\nname: ${s.name}\ndescription: ${JSON.stringify(s.description)}\ntargets: ["*"]\n---\n\n${s.body}`,
          );
          write(path.join(d, 'scripts', 'run.sh'), s.script, 0o755);
          write(path.join(d, 'reference', 'notes.md'), s.reference);
        }
        for (const c of commands)
          write(
            path.join(rs, 'commands', `${c.name}.md`),
            `---\ndescription: ${c.description}\ntargets: ["*"]\n---\n\n${c.body}`,
          );
        if (hooks.length) {
          // rulesync has one hooks file: every hook file's entry, by event.
          const byEvent = {};
          for (const h of hooks)
            (byEvent[h.rulesync] ??= []).push({ ...(h.matcher ? { matcher: h.matcher } : {}), command: h.command });
          write(path.join(rs, 'hooks.json'), JSON.stringify({ version: 1, hooks: byEvent }, null, 2));
        }
      },
      ({ project, env }) =>
        run(BIN.rulesync, ['generate', '--targets', tools.join(','), '--features', features, '--silent'], project, env),
      (abs) => abs.includes(`${path.sep}.rulesync${path.sep}`) || abs.endsWith('rulesync.jsonc'),
    );
}

/** One thunk per run; each call measures a fresh first run and re-run. */
const SUITE = RULES_ONLY
  ? [ours('ai-configurator', SIX, 'rules'), ruler(TOOLS.ruler), rulesync(TOOLS.rulesync, 'rules,mcp')]
  : [
      ours('ours (all)', ALL_TOOLS, 'all'),
      ours('ours vs rulesync', oursFor('rulesync'), 'all'),
      rulesync(TOOLS.rulesync, 'rules,skills,commands,hooks,mcp'),
      ours('ours vs ruler', oursFor('ruler'), 'rules'),
      ruler(TOOLS.ruler),
    ];
/** Which of our runs each peer is compared with. */
const BASELINE_FOR = RULES_ONLY
  ? { 'ai-configurator': 'ai-configurator', ruler: 'ai-configurator', rulesync: 'ai-configurator' }
  : {
      'ours (all)': 'ours (all)',
      'ours vs rulesync': 'ours vs rulesync',
      rulesync: 'ours vs rulesync',
      'ours vs ruler': 'ours vs ruler',
      ruler: 'ours vs ruler',
    };

const runs = [];
for (let round = 0; round < REPEAT; round++)
  for (const m of SUITE) {
    const r = m();
    if (r) runs.push(r);
    if (r && !JSON_OUT) process.stderr.write(`round ${round + 1}: ${r.tool} ${r.firstMs} ms\n`);
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
    peakRssMb: Math.max(...mine.map((r) => r.peakRssMb ?? 0)) || undefined,
    runs: mine.length,
    firstRuns: mine.map((r) => r.firstMs),
    reruns: mine.map((r) => r.rerunMs),
    rerunWrites: mine.map((r) => r.rerunFilesWritten),
  };
});
for (const r of results) {
  const base = results.find((b) => b.tool === BASELINE_FOR[r.tool]);
  if (base)
    Object.assign(r, {
      vs: base.tool,
      firstVsOurs: +(r.firstMs / base.firstMs).toFixed(2),
      rerunVsOurs: +(r.rerunMs / base.rerunMs).toFixed(2),
    });
}
// A no-op re-run of ours writes nothing: neither by its own count nor by the files' mtimes.
const oursRuns = runs.filter((r) => r.outcomes);
const noopFailures = oursRuns.filter((r) => r.rerunFilesWritten !== 0 || r.oursRerunWritten !== 0);

const summary = {
  fixture: {
    mode: RULES_ONLY ? 'rules-only' : 'every kind',
    rules: RULES,
    pathScopedRules: rules.filter((r) => r.globs).length,
    skills: SKILLS,
    skillFiles: SKILLS * 3,
    commands: COMMANDS,
    hookFiles: HOOKS,
    mcpServers: SERVERS,
    tools: TOOLS,
    oursMode: SPLIT ? 'split' : 'default',
  },
  node: process.version,
  cpus: os.cpus().length,
  repeat: REPEAT,
  rssMethod: RSS_METHOD,
  results,
  noopRerun: { runs: oursRuns.length, failures: noopFailures.length },
};
fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench', 'out', `agents-vs-peers${RULES_ONLY ? '-rules-only' : ''}${SPLIT ? '-split' : ''}.json`),
  JSON.stringify(summary, null, 2) + '\n',
);
if (JSON_OUT) console.log(JSON.stringify(summary, null, 2));
else {
  const f = summary.fixture;
  console.log(
    RULES_ONLY
      ? `Fixture: ${RULES} rule files, ${SERVERS} MCP servers -> ${TOOLS.ours.join(', ')}; ours ${SPLIT ? 'one Cursor and one Windsurf rule file per resource' : 'our defaults (one Cursor rule file; Windsurf rules packed under its limit)'}`
      : `Fixture: ${RULES} rules (${f.pathScopedRules} path-scoped), ${SKILLS} skills x 3 files, ${COMMANDS} commands, ${HOOKS} hook files, ${SERVERS} MCP servers; one agent`,
  );
  if (!RULES_ONLY) {
    console.log(`  ours (all):       every kind -> ${ALL_TOOLS.join(', ')} (project scope)`);
    console.log(`  ours vs rulesync: every kind -> ${oursFor('rulesync').join(', ')}`);
    console.log(`  rulesync:         rules,skills,commands,hooks,mcp -> ${TOOLS.rulesync.join(', ')}`);
    console.log(`  ours vs ruler:    rules + MCP -> ${oursFor('ruler').join(', ')}`);
    console.log(`  ruler:            rules + MCP -> ${TOOLS.ruler.join(', ')}`);
  }
  console.log(`node ${process.version}, ${summary.cpus} CPUs; peak RSS by ${RSS_METHOD}`);
  if (REPEAT > 1)
    console.log(`Medians of ${REPEAT} interleaved runs each; x = the run's time / ours on the same tools.`);
  console.log(
    `${'run'.padEnd(18)} ${'first run'.padStart(10)} ${'x'.padStart(6)} ${'files'.padStart(6)} ${'outputs'.padStart(8)} ${'re-run'.padStart(9)} ${'x'.padStart(6)} ${'re-run writes'.padStart(14)} ${'peak RSS'.padStart(9)}`,
  );
  for (const r of results)
    console.log(
      `${r.tool.padEnd(18)} ${`${r.firstMs} ms`.padStart(10)} ${String(r.firstVsOurs ?? '').padStart(6)} ${String(r.filesWritten).padStart(6)} ${String(r.outputFiles).padStart(8)} ${`${r.rerunMs} ms`.padStart(9)} ${String(r.rerunVsOurs ?? '').padStart(6)} ${String(r.rerunFilesWritten).padStart(14)} ${(r.peakRssMb ? `${r.peakRssMb} MB` : '?').padStart(9)}`,
    );
  for (const r of results.filter((x) => x.outcomes))
    console.log(
      `${r.tool}: report ${r.outcomes.native} native, ${r.outcomes.fallback} fallback, ${r.outcomes.skipped} skipped` +
        (r.outcomes.skipped
          ? ` (${Object.entries(r.skippedByTool)
              .map(([t, n]) => `${t} ${n}`)
              .join(', ')})`
          : ''),
    );
  const ratio = (peer) => {
    const p = results.find((x) => x.tool === peer);
    return p ? `${peer}/ours ${p.firstVsOurs} (first run, vs "${p.vs}")` : undefined;
  };
  console.log(['Ratios:', ratio('rulesync'), ratio('ruler')].filter(Boolean).join(' '));
  console.log(
    `No-op re-run of ours: ${noopFailures.length ? `FAILED in ${noopFailures.length} of ${oursRuns.length} runs` : `0 files written in all ${oursRuns.length} runs`}`,
  );
}
if (noopFailures.length) {
  console.error(
    `A no-op re-run of ours wrote files: ${noopFailures.map((r) => `${r.tool} ${r.rerunFilesWritten} by mtime, ${r.oursRerunWritten} by its count`).join('; ')}`,
  );
  process.exitCode = 1;
}
