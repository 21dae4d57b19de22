import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/observability/logger';
import { createServices } from '../../../src/main/services';
import { runCrashTrials, type CrashScenario } from '../../helpers/crash-harness';
import { ASSETS_DIR, testContext } from '../../helpers/app';
import { snapshotTree, tempDir } from '../../helpers/temp';
import { writeAgent, writeTree } from './helpers';

const TOOLS = ['claude-code', 'cursor', 'codex'] as const;

/** The services a next start opens, with HOME inside the trial's copy. */
function servicesAt(home: string) {
  return createServices({
    home,
    assetsDir: ASSETS_DIR,
    version: '0.0.0-test',
    host: 'test',
    logger: createLogger({ level: 'error' }),
    env: { PATH: process.env.PATH, HOME: path.join(home, 'user') },
  });
}

async function recover(home: string): Promise<void> {
  const s = servicesAt(home);
  await s.history.recover();
  await s.agents.recover();
}

async function intact(home: string): Promise<void> {
  const v = await servicesAt(home).history.verify();
  if (!v.ok) throw new Error(`history damaged: ${v.problems.join('; ')}`);
}

/** The tool files of a trial (its project folder and user home), with the trial's own path written as <HOME>. */
const toolFiles = (home: string) => ({ ...under(home, 'proj'), ...under(home, 'user') });
const under = (home: string, p: string) =>
  Object.fromEntries(
    Object.entries(snapshotTree(path.join(home, p))).map(([k, v]) => [
      `${p}/${k}`,
      Buffer.from(v, 'base64').toString('utf8').split(home).join('<HOME>'),
    ]),
  );

const HAND = {
  'CLAUDE.md': '# Project notes\n\nWritten by hand.\n',
  '.mcp.json': JSON.stringify({ mcpServers: { mine: { command: 'mine' } }, keep: true }, null, 2) + '\n',
};

/** A home with twelve knowledge files, an agent using them, and a project folder with hand-written files. */
async function setupAgentHome(home: string) {
  fs.mkdirSync(path.join(home, 'user'), { recursive: true });
  writeTree(path.join(home, 'proj'), HAND);
  const s = servicesAt(home);
  await s.init({}, testContext());
  const knowledge: Record<string, string> = {};
  for (let i = 0; i < 12; i++)
    knowledge[`knowledge/topic-${i}.md`] = `# Topic ${i}\n\n${'Some guidance. '.repeat(30 + i)}\n`;
  writeTree(s.personalDir(), knowledge);
  writeAgent(s.personalDir(), 'helper', 'description: Helps\nresources: ["knowledge/**"]\nmcpServers: [memory]');
  await s.history.record({ operation: 'test.setup', correlationId: 'c' });
  return s;
}

const installOne = (home: string, tool: (typeof TOOLS)[number]) =>
  servicesAt(home).agents.install(
    { name: 'helper', tool, scope: 'project', project: path.join(home, 'proj') },
    testContext(),
  );

/** The tool files match the manifest, and the manifest lists exactly `tools`. */
async function installsAre(
  home: string,
  tools: ReadonlyArray<string>,
  want: Record<string, string>,
  relocated = false,
): Promise<void> {
  await intact(home);
  const installs = await servicesAt(home).agents.status();
  // A relocated copy renders its own paths, so its installs may read needs-reinstall; the files must not drift.
  const bad = installs.filter((i) => i.state !== 'installed' && !(relocated && i.state === 'needs-reinstall'));
  if (bad.length)
    throw new Error(`the manifest does not match the tool files: ${bad.map((i) => `${i.tool} ${i.state}`).join(', ')}`);
  if (installs.map((i) => i.tool).join(',') !== tools.join(','))
    throw new Error(`unexpected installs ${installs.map((i) => i.tool).join(',')} (want ${tools.join(',')})`);
  const now = toolFiles(home);
  const mixed = Object.keys({ ...now, ...want }).filter((f) => now[f] !== want[f]);
  if (mixed.length)
    throw new Error(`${tools.length} tool(s) in the manifest, but the files are not that state: ${mixed.slice(0, 5)}`);
}

/** `agent install --tool a,b,c` is one transaction per tool: after a kill, the first k tools are installed and nothing else. */
const install: CrashScenario<{ states: Array<Record<string, string>> }> = {
  name: 'agent install into three tools',
  env: (home) => ({ HOME: path.join(home, 'user') }),
  async prepare(home) {
    await setupAgentHome(home);
    // The states after 0, 1, 2 and 3 tools, computed on a copy at the same relative paths.
    const calc = tempDir('aicfg-crash-calc-');
    fs.cpSync(home, calc, { recursive: true, verbatimSymlinks: true });
    const states = [toolFiles(calc)];
    for (const tool of TOOLS) {
      await installOne(calc, tool);
      states.push(toolFiles(calc));
    }
    return { states };
  },
  args: (_st, home) => ['agent', 'install', 'helper', '--tool', TOOLS.join(','), '--project', path.join(home, 'proj')],
  recover,
  async check(st, home) {
    const k = (await servicesAt(home).agents.status()).length;
    await installsAre(home, TOOLS.slice(0, k), st.states[k]!);
    return k === TOOLS.length ? 'new' : 'old';
  },
};

/** Points the install manifest of a copied home at the copy's project folder. */
function relocateManifest(template: string, home: string): void {
  const file = path.join(home, 'state', 'installs', 'manifest.json');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split(template).join(home));
}

/** `agent uninstall --tool a,b,c`: after a kill, the first k tools are uninstalled, the others still installed. */
const uninstall: CrashScenario<{ states: Array<Record<string, string>> }> = {
  name: 'agent uninstall from three tools',
  relocate: relocateManifest,
  env: (home) => ({ HOME: path.join(home, 'user') }),
  async prepare(home) {
    await setupAgentHome(home);
    for (const tool of TOOLS) await installOne(home, tool);
    await servicesAt(home).history.record({ operation: 'test.installed', correlationId: 'c' });
    // The states after uninstalling 0, 1, 2 and 3 tools, computed on a copy at the same relative paths.
    const calc = tempDir('aicfg-crash-calc-');
    fs.cpSync(home, calc, { recursive: true, verbatimSymlinks: true });
    relocateManifest(home, calc);
    const states = [toolFiles(calc)];
    for (const tool of TOOLS) {
      await servicesAt(calc).agents.uninstall(
        { name: 'helper', tool, scope: 'project', project: path.join(calc, 'proj') },
        testContext(),
      );
      states.push(toolFiles(calc));
    }
    return { states };
  },
  args: (_st, home) => [
    'agent',
    'uninstall',
    'helper',
    '--tool',
    TOOLS.join(','),
    '--project',
    path.join(home, 'proj'),
  ],
  recover,
  async check(st, home) {
    const k = TOOLS.length - (await servicesAt(home).agents.status()).length;
    await installsAre(home, TOOLS.slice(k), st.states[k]!, true);
    return k === TOOLS.length ? 'new' : 'old';
  },
};

/** `ai-config import PATH`: the personal workspace gets every converted file or none. */
const importing: CrashScenario<{ src: string; old: Record<string, string>; next: Record<string, string> }> = {
  name: 'import of tool configs',
  async prepare(home) {
    const src = tempDir('aicfg-crash-import-');
    const files: Record<string, string> = {
      'CLAUDE.md': '# Team rules\n\nAlways write tests.\n',
      '.mcp.json':
        JSON.stringify({ mcpServers: { search: { command: 'search-server', args: ['--fast'] } } }, null, 2) + '\n',
    };
    for (let i = 0; i < 25; i++)
      files[`.cursor/rules/rule-${i}.mdc`] =
        `---\ndescription: Rule ${i}\nglobs: "src/**/*.ts"\n---\n\n${'Prefer small functions. '.repeat(20 + i)}\n`;
    writeTree(src, files);
    const s = servicesAt(home);
    await s.init({}, testContext());
    const old = snapshotTree(s.personalDir());
    const calc = tempDir('aicfg-crash-calc-');
    fs.cpSync(home, calc, { recursive: true, verbatimSymlinks: true });
    const c = servicesAt(calc);
    const r = await c.agents.importConfigs({ path: src }, testContext());
    if (r.written < 20) throw new Error(`the import wrote only ${r.written} files`);
    return { src, old, next: snapshotTree(c.personalDir()) };
  },
  args: (st) => ['import', st.src],
  recover,
  async check(st, home) {
    await intact(home);
    const now = snapshotTree(path.join(home, 'personal'));
    if (JSON.stringify(now) === JSON.stringify(st.next)) return 'new';
    if (JSON.stringify(now) === JSON.stringify(st.old)) return 'old';
    const mixed = Object.keys({ ...now, ...st.old, ...st.next }).filter(
      (k) => now[k] !== st.old[k] && now[k] !== st.next[k],
    );
    throw new Error(
      `the personal workspace is neither before nor after the import (${mixed.slice(0, 5).join(', ') || 'a partial import'})`,
    );
  },
};

describe('crash safety of installs and imports (SIGKILL at every failpoint)', () => {
  for (const scenario of [install, uninstall, importing] as const) {
    it(`${scenario.name}: wholly old or wholly new per transaction, manifest matches disk, history intact`, async () => {
      const report = await runCrashTrials(scenario as CrashScenario<unknown>);
      expect(report.failures).toEqual([]);
      expect(report.held).toBe(report.failpoints);
      expect(report.failpoints).toBeGreaterThan(0);
    }, 600_000);
  }
});
