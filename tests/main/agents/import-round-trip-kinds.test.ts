import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolId } from '../../../src/shared/agents';
import type { ConvertResult } from '../../../src/main/agents/import/convert';
import { parseFrontmatter } from '../../../src/main/library/frontmatter';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx } from './helpers';
import { REAL_SHAPED, convertTree, writeConverted } from './import-round-trip-helpers';

/**
 * Every kind of every tool, round trip: the real-shaped files of tool X are imported, every agent the import made
 * is installed back into X, and the installed project, imported again, holds the same rules (activation, globs,
 * description, body), commands, skills (every file), agents (prompt, tools, model) and MCP servers.
 */
interface Semantic {
  rules: Record<string, unknown>;
  commands: Record<string, unknown>;
  skills: Record<string, unknown>;
  agents: Record<string, unknown>;
  servers: Record<string, unknown>;
  hooks: string[];
  permissions: string[];
}

const body = (text: string) => parseFrontmatter(text).body.trim();

/** What an import holds, keyed by content rather than by file name (an install may rename a file). */
function semantic(r: ConvertResult): Semantic {
  const s: Semantic = { rules: {}, commands: {}, skills: {}, agents: {}, servers: {}, hooks: [], permissions: [] };
  for (const f of r.files) {
    const fm = parseFrontmatter(f.content).frontmatter;
    // An agent the import made (a tool's bundle, its MCP holder) comes back as an empty rule or section: skipped.
    if (f.kind === 'rule' && body(f.content) === '') continue;
    if (f.kind === 'rule') {
      const globs = Array.isArray(fm.globs) ? [...(fm.globs as string[])].sort() : [];
      s.rules[body(f.content)] = {
        activation: fm.activation ?? (globs.length ? 'glob' : 'always'),
        globs,
        description: fm.description ?? '',
      };
    } else if (f.kind === 'command')
      s.commands[body(f.content)] = { description: fm.description ?? '', hint: fm['argument-hint'] };
    else if (f.kind === 'skill') s.skills[f.path] = f.content;
    else if (f.kind === 'mcp-server') {
      const { name, ...def } = JSON.parse(f.content) as Record<string, unknown>;
      s.servers[String(name)] = def;
    } else if (f.kind === 'hook') {
      s.hooks.push(f.content.replace(/^description: .*\n/m, ''));
    } else if (f.kind === 'permissions') s.permissions.push(f.content.replace(/^description: .*\n/m, ''));
    else if (f.kind === 'agent' && !String(fm.name).startsWith(`${LABEL}-`)) {
      const settings = Object.values((fm.settings ?? {}) as Record<string, Record<string, unknown>>)[0] ?? {};
      s.agents[String(fm.name)] = {
        prompt: body(f.content),
        description: fm.description,
        tools: settings.tools,
        model: settings.model,
        servers: fm.mcpServers,
      };
    }
  }
  return s;
}

interface Case {
  readonly tool: ToolId;
  readonly allowUserFiles?: boolean;
  /** Kinds the tool keeps natively at project scope (the others are fallbacks: compared by their own tests). */
  readonly kinds: ReadonlyArray<keyof Semantic>;
}

const LABEL = 'src';

const CASES: ReadonlyArray<Case> = [
  { tool: 'claude-code', kinds: ['rules', 'commands', 'skills', 'agents', 'servers', 'hooks', 'permissions'] },
  { tool: 'cursor', kinds: ['rules', 'commands', 'servers', 'hooks', 'permissions'] },
  { tool: 'copilot', kinds: ['rules', 'commands', 'skills', 'agents', 'servers', 'hooks'] },
  { tool: 'windsurf', kinds: ['rules', 'commands'], allowUserFiles: true },
  { tool: 'kiro', kinds: ['rules', 'agents', 'servers', 'permissions'] },
  { tool: 'amazon-q', kinds: ['agents', 'servers'] },
  { tool: 'gemini', kinds: ['commands', 'servers', 'hooks', 'permissions'] },
  { tool: 'codex', kinds: ['servers', 'hooks'] },
];

describe('import from a tool, install into it, import again: the same content', () => {
  it.each(CASES.map((c) => [c.tool, c] as const))('%s', async (_n, c) => {
    const f = await agentFixture();
    const label = LABEL;
    const first = convertTree(path.join(REAL_SHAPED, c.tool), label);
    writeConverted(f.personal, first);
    const project = path.join(tempDir(), 'project');
    fs.mkdirSync(project);
    const agents = first.files.filter((x) => x.kind === 'agent').map((x) => x.path.replace(/^agents\/|\.md$/g, ''));
    for (const name of agents)
      await f.services.agents.install(
        { name, tool: c.tool, scope: 'project', project, ...(c.allowUserFiles ? { allowUserFiles: true } : {}) },
        ctx(),
      );
    const again = convertTree(project, label);
    // The agents the import itself made (bundles, MCP holders) come back as subagents or sections: not compared.
    const a = semantic(first);
    const b = semantic(again);
    for (const kind of c.kinds) {
      // Not a comparison of two empty sets: the fixture has this kind and the import read it.
      expect(Object.keys(a[kind]).length, kind).toBeGreaterThan(0);
      expect(b[kind], kind).toEqual(a[kind]);
    }
  });
});
