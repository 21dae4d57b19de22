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

  it('every Markdown file has title, description and tags', async () => {
    for (const f of await walkLibrary(root)) {
      if (!f.rel.endsWith('.md')) continue;
      const { frontmatter, error } = parseFrontmatter(fs.readFileSync(f.abs, 'utf8'));
      expect(error, f.rel).toBeUndefined();
      expect(typeof frontmatter.title, f.rel).toBe('string');
      expect(typeof frontmatter.description, f.rel).toBe('string');
      expect(Array.isArray(frontmatter.tags), f.rel).toBe(true);
    }
  });

  it('MCP servers use ${VAR} placeholders, never literal secrets', () => {
    for (const name of fs.readdirSync(path.join(root, 'mcp-servers'))) {
      const def = JSON.parse(fs.readFileSync(path.join(root, 'mcp-servers', name), 'utf8')) as { name: string; env?: Record<string, string>; headers?: Record<string, string> };
      expect(def.name).toBe(name.replace(/\.json$/, ''));
      for (const v of Object.values({ ...def.env, ...def.headers })) expect(v, `${name}: ${v}`).toMatch(/\$\{[A-Z0-9_]+\}/);
    }
  });
});
