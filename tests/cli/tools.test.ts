import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '../../src/shared/agents';
import type { ToolInfo } from '../../src/shared/tools';
import { TARGETS } from '../../src/main/agents/targets';
import { unwrap } from '../../src/main/ipc/router';
import { toolPresent } from '../../src/main/agents/tools-list';
import { formatTool } from '../../src/cli/commands/tools';
import { cli, testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

/** A temp HOME and PATH: one tool's config folder, one tool's program, nothing else. */
function machine() {
  const root = tempDir('aicfg-tools-');
  const home = path.join(root, 'home');
  const bin = path.join(root, 'bin');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(bin, { recursive: true });
  return { env: { AI_CONFIG_HOME: path.join(root, 'cfg'), HOME: home, USERPROFILE: home, PATH: bin }, home, bin };
}

/** A target that can be detected by a folder, and another by a program (whichever the targets declare). */
const byDir = TOOL_IDS.find((id) => TARGETS[id].detect.dirs.length);
const byBin = TOOL_IDS.find((id) => TARGETS[id].detect.bins.length && id !== byDir);

describe('ai-config tools and tools:list', () => {
  it('lists every target with its scopes, format and surfaces; nothing is present on an empty machine', async () => {
    const m = machine();
    const r = await cli(['tools', '--json'], m.env);
    expect(r.code).toBe(0);
    const tools = JSON.parse(r.stdout) as ToolInfo[];
    expect(tools.map((t) => t.id)).toEqual([...TOOL_IDS]);
    for (const t of tools) {
      const target = TARGETS[t.id];
      expect(t).toMatchObject({ label: target.label, scopes: target.scopes, formatVersion: target.formatVersion });
      expect(t.supersededBy).toBe(target.supersededBy);
      expect(t.surfaces).toEqual(target.surfaces.map((s) => ({ ...s })));
      expect(t.present).toBe(false);
    }
    const text = await cli(['tools'], m.env);
    expect(text.code).toBe(0);
    for (const id of TOOL_IDS) expect(text.stdout).toMatch(new RegExp(`^${id}  .*not found`, 'm'));
    expect(text.stdout).toContain(`${TOOL_IDS.length} tools, 0 present on this machine`);
    for (const t of tools.filter((x) => x.supersededBy))
      expect(text.stdout).toContain(`(legacy: superseded by ${t.supersededBy})`);
  });

  it('a config folder under HOME or a program on PATH makes a tool present (no shell is spawned)', async () => {
    const m = machine();
    if (byDir) fs.mkdirSync(path.join(m.home, TARGETS[byDir].detect.dirs[0]!), { recursive: true });
    if (byBin) {
      const file = path.join(m.bin, TARGETS[byBin].detect.bins[0]!);
      fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    }
    // A file that is not executable does not count.
    fs.writeFileSync(path.join(m.bin, 'not-a-tool'), '', { mode: 0o644 });
    const rt = testRuntime(m.env.AI_CONFIG_HOME, m.env);
    const { tools } = unwrap(await rt.router.call({ id: 'test', trusted: true }, 'tools:list', {}));
    const present = tools.filter((t) => t.present).map((t) => t.id);
    expect(present).toEqual(TOOL_IDS.filter((id) => id === byDir || id === byBin));
    const text = await cli(['tools'], m.env);
    if (byDir) expect(text.stdout).toMatch(new RegExp(`^${byDir}  .*  present`, 'm'));
    expect(text.stdout).toContain(`${present.length} present on this machine`);
  });

  it('detection: a folder under home, or an executable file on PATH; not a plain file, not a path', () => {
    const m = machine();
    const probe = { homeDir: m.home, env: { PATH: m.bin }, platform: 'linux' as const };
    const t = { ...TARGETS.cursor, detect: { dirs: ['.cursor'], bins: ['cursor-agent'] } };
    expect(toolPresent(t, probe)).toBe(false);
    fs.writeFileSync(path.join(m.home, '.cursor'), '');
    fs.writeFileSync(path.join(m.bin, 'cursor-agent'), '', { mode: 0o644 });
    expect(toolPresent(t, probe)).toBe(false);
    fs.chmodSync(path.join(m.bin, 'cursor-agent'), 0o755);
    expect(toolPresent(t, probe)).toBe(true);
    fs.rmSync(path.join(m.bin, 'cursor-agent'));
    fs.rmSync(path.join(m.home, '.cursor'));
    fs.mkdirSync(path.join(m.home, '.cursor'));
    expect(toolPresent(t, probe)).toBe(true);
    expect(toolPresent({ ...t, detect: { dirs: [], bins: ['../bin/x'] } }, probe)).toBe(false);
  });

  it('the human output: one block per tool, the surfaces as a table, legacy ones named', () => {
    const out = formatTool({
      id: 'amazon-q',
      label: 'Amazon Q Developer CLI',
      scopes: ['user', 'project'],
      supersededBy: 'kiro',
      formatVersion: 2,
      present: true,
      surfaces: [
        {
          kind: 'rule',
          scope: 'project',
          path: '.amazonq/rules/<name>.md',
          docUrl: 'https://a.example/rules',
          checked: '2026-11-30',
        },
        {
          kind: 'mcp-server',
          scope: 'user',
          path: '~/.aws/amazonq/mcp.json',
          docUrl: 'https://a.example/mcp',
          checked: '2026-11-30',
          note: 'user only',
        },
      ],
    });
    expect(out.split('\n')).toEqual([
      'amazon-q  Amazon Q Developer CLI  present  (legacy: superseded by kiro)',
      '  scopes: user, project   format: 2',
      '  KIND        SCOPE    PATH                      CHECKED     DOC',
      '  rule        project  .amazonq/rules/<name>.md  2026-11-30  https://a.example/rules',
      '  mcp-server  user     ~/.aws/amazonq/mcp.json   2026-11-30  https://a.example/mcp  (user only)',
      '',
    ]);
  });
});
