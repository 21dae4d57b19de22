import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS, type ToolId } from '../../../src/shared/agents';
import { snapshotTree } from '../../helpers/temp';
import { agentFixture, ctx, writeAgent, writeTree } from './helpers';

/** Every kind in the personal workspace, and an agent that installs all of them. */
function writeKinds(personal: string): void {
  writeTree(personal, {
    'rules/typescript.md': '---\ntitle: TypeScript\nglobs: ["**/*.ts", "src/**/*.tsx"]\n---\n\nUse strict types.\n',
    'rules/always.md': '---\ntitle: Always\n---\n\nBe kind.\n',
    'rules/release.md':
      '---\ntitle: Release\nactivation: agent-requested\ndescription: How to cut a release\n---\n\nTag it.\n',
    'skills/pdf-report/SKILL.md':
      '---\nname: pdf-report\ndescription: Builds a PDF report. Use when asked for one.\n---\n\nRun scripts/r.sh.\n',
    'skills/pdf-report/scripts/r.sh': '#!/bin/sh\necho report\n',
    'skills/pdf-report/reference/format.md': '# Format\n',
    'commands/fix-issue.md':
      '---\ndescription: Fix an issue\nargument-hint: "[number]"\nallowed-tools: Bash(gh issue view:*)\n---\n\n' +
      'Fix issue $ARGUMENTS.\n',
    'hooks/format.yaml': 'hooks:\n  - event: post-tool\n    matcher: Edit|Write\n    command: npx prettier --write .\n',
    'permissions/safe.yaml': 'allow: ["Bash(npm test:*)"]\ndeny: ["Read(./.env)"]\nignore: [".env"]\n',
  });
  fs.chmodSync(path.join(personal, 'skills/pdf-report/scripts/r.sh'), 0o755);
  writeAgent(
    personal,
    'kitchen',
    'description: Everything at once.\nrules: [rules/typescript.md, rules/always.md, rules/release.md]\n' +
      'skills: [pdf-report]\ncommands: [fix-issue]\nhooks: [format]\npermissions: [safe]\nmcpServers: [github]',
    'Do the work.\n',
  );
}

/** Shared files a user already has, in formatting of their own: we merge into them and must give them back. */
const USER_FILES: Readonly<Record<string, string>> = {
  '.claude/settings.json': '{\n    "model": "opus",\n    // mine\n    "env": { "A": "1" }\n}',
  '.mcp.json': '{"mcpServers":{"mine":{"command":"x"}}}\n',
  '.cursor/mcp.json': '{\n\t"mcpServers": {\n\t\t"mine": { "command": "x" }\n\t}\n}\n',
  '.vscode/mcp.json': '{\r\n  "servers": {}\r\n}\r\n',
  '.codex/config.toml': '# my codex\n[mcp_servers.mine]\ncommand = "x"\n',
  'AGENTS.md': '# Project notes\n\nKeep this.\n',
  'CLAUDE.md': '# Claude notes\n',
  '.cursorignore': 'node_modules/\n',
};

/** snapshotTree keeps bytes as base64. */
const txt = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');

const scopeFor = (tool: ToolId) => (tool === 'claude-desktop' ? 'user' : 'project');

describe('every kind into every tool', () => {
  it('project scope writes only committable files: no home folder, no workspace path; parses; round-trips', async () => {
    const f = await agentFixture({ GITHUB_TOKEN: 'ghp_ROUNDTRIP' });
    writeKinds(f.personal);
    writeTree(f.project, USER_FILES);
    const projectBefore = snapshotTree(f.project);
    const homeBefore = snapshotTree(f.userHome);
    const tools = TOOL_IDS.filter((t) => scopeFor(t) === 'project');
    const reqs = tools.map((tool) => ({ name: 'kitchen', tool, scope: 'project' as const, project: f.project }));
    const results = await f.services.agents.installMany(reqs, ctx());
    for (const r of results) {
      // Every kind is accounted for in every tool: native, fallback or skipped with a reason.
      const kinds = new Set((r.report ?? []).map((o) => o.kind));
      for (const k of ['rule', 'skill', 'command', 'hook', 'permissions', 'mcp-server'] as const)
        expect(kinds.has(k), `${r.tool} reports ${k}`).toBe(true);
      for (const o of r.report ?? []) expect(o.detail.length, `${r.tool} ${o.kind} ${o.name}`).toBeGreaterThan(0);
    }
    // Nothing under the user's home was written by a project-scope install (no --allow-user-files).
    expect(snapshotTree(f.userHome)).toEqual(homeBefore);

    const after = snapshotTree(f.project);
    const changed = Object.keys(after).filter((p) => after[p] !== projectBefore[p]);
    expect(changed.length).toBeGreaterThan(20);
    for (const rel of changed) {
      const text = txt(after[rel]);
      expect(text, rel).not.toContain(f.userHome);
      expect(text, rel).not.toContain(f.personal);
      expect(text, rel).not.toContain(path.dirname(f.personal));
      if (rel.endsWith('.json')) {
        if (!USER_FILES[rel]?.includes('//')) expect(() => JSON.parse(text), rel).not.toThrow();
      } else if (rel.endsWith('.toml')) expect(() => parseToml(text), rel).not.toThrow();
      else if (/\.(md|mdc)$/.test(rel) && text.startsWith('---\n')) {
        const fm = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
        expect(() => parseYaml(fm), rel).not.toThrow();
      }
    }
    // The skill's script is still executable where it landed.
    const script = Object.keys(after).find((p) => p.endsWith('pdf-report/scripts/r.sh'));
    expect(script).toBeDefined();
    expect(fs.statSync(path.join(f.project, script!)).mode & 0o111).not.toBe(0);
    // The user's own files keep their content; our additions are merged, not replaced.
    expect(txt(after['.claude/settings.json'])).toContain('// mine');
    expect(txt(after['.codex/config.toml'])).toContain('# my codex');
    expect(txt(after['AGENTS.md'])).toContain('Keep this.');

    // Re-install: nothing to write.
    const again = await f.services.agents.installMany(reqs, ctx());
    expect(again.reduce((n, r) => n + r.written, 0)).toBe(0);

    // Uninstall: every shared file is back byte for byte, every file and folder we created is gone.
    await f.services.agents.uninstallMany(reqs, ctx());
    expect(snapshotTree(f.project)).toEqual(projectBefore);
    const dirsLeft: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        const p = path.join(d, e.name);
        if (fs.readdirSync(p).length === 0) dirsLeft.push(path.relative(f.project, p));
        walk(p);
      }
    };
    walk(f.project);
    expect(dirsLeft).toEqual([]);
  });
});
