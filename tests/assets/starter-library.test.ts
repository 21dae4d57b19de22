import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/main/library/frontmatter';
import { walkLibrary } from '../../src/main/library/walk';
import { ASSETS_DIR } from '../helpers/app';

const root = path.join(ASSETS_DIR, 'starter-library');

describe('starter library', () => {
  it('has common policies, at least four roles, four MCP servers and example agents', () => {
    expect(fs.readdirSync(path.join(root, 'common')).filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(3);
    expect(fs.readdirSync(path.join(root, 'roles')).length).toBeGreaterThanOrEqual(4);
    expect(fs.readdirSync(path.join(root, 'mcp-servers')).filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(4);
    expect(fs.readdirSync(path.join(root, 'agents')).filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(2);
  });

  it('every rule and agent has title, description and tags; skills name and description; commands a description', async () => {
    for (const f of await walkLibrary(root)) {
      if (!f.rel.endsWith('.md')) continue;
      const { frontmatter, error } = parseFrontmatter(fs.readFileSync(f.abs, 'utf8'));
      expect(error, f.rel).toBeUndefined();
      if (f.rel.startsWith('skills/')) {
        // Files beside SKILL.md are the skill's own material; SKILL.md follows the Agent Skills spec.
        if (!f.rel.endsWith('/SKILL.md')) continue;
        expect(frontmatter.name, f.rel).toBe(f.rel.split('/')[1]);
      } else if (!f.rel.startsWith('commands/')) expect(typeof frontmatter.title, f.rel).toBe('string');
      expect(typeof frontmatter.description, f.rel).toBe('string');
      expect(Array.isArray(frontmatter.tags), f.rel).toBe(true);
    }
  });

  it('has skills with files beside SKILL.md, commands, a hook, a permissions file and path-scoped rules', () => {
    const list = (dir: string) => fs.readdirSync(path.join(root, dir));
    expect(list('skills').length).toBeGreaterThanOrEqual(2);
    for (const s of list('skills')) expect(list(`skills/${s}`).length, s).toBeGreaterThanOrEqual(2);
    expect(list('commands').filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(3);
    expect(list('hooks')).toContain('format-on-edit.yaml');
    expect(list('permissions')).toContain('safe-defaults.yaml');
    expect(list('rules').length).toBeGreaterThanOrEqual(3);
    // The script a skill ships keeps its executable bit (the starter is copied with its modes).
    expect(fs.statSync(path.join(root, 'skills/changelog/scripts/changes-since-tag.sh')).mode & 0o111).not.toBe(0);
  });

  it('MCP servers use ${VAR} placeholders, never literal secrets', () => {
    for (const name of fs.readdirSync(path.join(root, 'mcp-servers'))) {
      const def = JSON.parse(fs.readFileSync(path.join(root, 'mcp-servers', name), 'utf8')) as { name: string; env?: Record<string, string>; headers?: Record<string, string> };
      expect(def.name).toBe(name.replace(/\.json$/, ''));
      for (const v of Object.values({ ...def.env, ...def.headers })) expect(v, `${name}: ${v}`).toMatch(/\$\{[A-Z0-9_]+\}/);
    }
  });
});
