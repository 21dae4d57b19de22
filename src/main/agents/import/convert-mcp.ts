import { parse as parseToml } from 'smol-toml';
import type { ToolId } from '../../../shared/agents';
import type { ConvertCtx } from './context';
import { isJsonc, obj, parseJsonc } from './jsonc';
import { mcpServerFromEntry } from './mcp-from-tool';
import { baseOf, libraryName } from './names';
import type { ImportInput } from './types';

const SECRET_KEY = /(token|secret|password|passwd|api[-_]?key|auth|credential|private[-_]?key|\bpat\b)/i;
const PLACEHOLDER = /\$\{[^}]+\}|\$[A-Z_][A-Z0-9_]*|\{\{[^}]+\}\}/;

/** The server maps any config may hold: `mcpServers`, VS Code's `servers`, `mcp.servers`, Zed's `context_servers`. */
export function serverMaps(v: unknown): Array<Record<string, unknown>> {
  const o = obj(v);
  const maps = [o.mcpServers, o.servers, obj(o.mcp).servers, o.context_servers, o.mcp_servers].map(obj);
  return maps.filter((m) => Object.keys(m).length > 0);
}

const MAP_KEYS = new Set(['mcpServers', 'servers', 'mcp', 'context_servers', 'mcp_servers', '$schema']);

/** The warning for top-level settings of a tool file that the import does not carry. */
export function notModelled(rel: string, keys: ReadonlyArray<string>): string {
  const list = keys.map((k) => `"${k}"`).join(', ');
  return `${rel}: ${list} ${keys.length === 1 ? 'is a setting' : 'are settings'} AI Configurator does not model; not imported.`;
}

/** Zed's `{ command: { path, args, env } }` in the common shape. */
function normalise(entry: Record<string, unknown>): Record<string, unknown> {
  const c = entry.command;
  if (typeof c === 'object' && c !== null && !Array.isArray(c)) {
    const { path, args, env, ...rest } = c as Record<string, unknown>;
    return {
      ...entry,
      command: path,
      ...(args !== undefined ? { args } : {}),
      ...(env !== undefined ? { env } : {}),
      ...rest,
    };
  }
  return entry;
}

/**
 * One server as `mcp-servers/<name>.json`. The same name with the same definition is one file (the input is
 * `merged`); a different definition gets `<name>-2` (`-3`, ...) and a warning. Returns the library name.
 */
export function addServer(ctx: ConvertCtx, from: string, raw: string, entry: Record<string, unknown>): string {
  const base = libraryName(raw);
  const def = (n: string) => JSON.stringify(mcpServerFromEntry(n, normalise(entry)), null, 2) + '\n';
  let name = base;
  for (let i = 1; ; i++) {
    const path = `mcp-servers/${name}.json`;
    const prev = ctx.files.find((f) => f.path === path);
    if (!prev) break;
    if (prev.content === def(name)) {
      if (prev.from !== from)
        ctx.merged.push({ from, into: path, reason: `the server "${raw}" is defined the same way in ${prev.from}` });
      return name;
    }
    name = libraryName(`${base}-${i + 1}`);
  }
  if (name === base && name !== raw) ctx.renamed(from, raw, name);
  if (name !== base)
    ctx.warnings.push(
      `${from}: another file defines the MCP server "${raw}" differently; this one was imported as "${name}".`,
    );
  ctx.file(from, 'mcp-server', `mcp-servers/${name}.json`, def(name));
  secretWarnings(ctx, from, raw, entry);
  return name;
}

function secretWarnings(ctx: ConvertCtx, from: string, server: string, entry: Record<string, unknown>): void {
  for (const field of ['env', 'headers', 'http_headers']) {
    for (const [k, v] of Object.entries(obj(entry[field]))) {
      if (typeof v !== 'string' || v.length < 8 || PLACEHOLDER.test(v)) continue;
      if (SECRET_KEY.test(k) || /^(Bearer|token)\s+\S{8,}/i.test(v))
        ctx.warnings.push(
          `${from}: the MCP server "${server}" has a literal value in ${field}.${k} that looks like a secret; ` +
            `it was kept as written: replace it with a \${${k.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase()}} placeholder.`,
        );
    }
  }
}

function shared(ctx: ConvertCtx, tool: ToolId, from: string, names: ReadonlyArray<string>): void {
  const s = ctx.sharedServers.get(tool) ?? { from, names: [] };
  for (const n of names) if (!s.names.includes(n)) s.names.push(n);
  ctx.sharedServers.set(tool, s);
}

/** A JSON/JSONC config of any name with server maps (or one bare server entry). */
export function convertMcpJson(ctx: ConvertCtx, input: ImportInput, tool: ToolId, as: string, warnRest = true): void {
  const parsed = parseJsonc(input.text);
  if ('error' in parsed) {
    ctx.skip(input.rel, `is not valid JSON (${parsed.error}): fix it and import again`);
    return;
  }
  const maps = serverMaps(parsed.value);
  const v = obj(parsed.value);
  if (!maps.length && (typeof v.command === 'string' || typeof v.url === 'string')) {
    const raw = typeof v.name === 'string' ? v.name : baseOf(input.rel).replace(/\.(json|jsonc|json5)$/i, '');
    const { name: _n, ...entry } = v;
    maps.push({ [raw]: entry });
  }
  const names = maps.flatMap((m) => Object.entries(m).map(([n, e]) => addServer(ctx, input.rel, n, obj(e))));
  if (!names.length) {
    ctx.skip(input.rel, 'has an empty MCP server map');
    return;
  }
  shared(ctx, tool, input.rel, names);
  const rest = Object.keys(v).filter((k) => !MAP_KEYS.has(k));
  if (warnRest && maps.length && rest.length) ctx.warnings.push(notModelled(input.rel, rest));
  ctx.recognise(input.rel, isJsonc(input.text) ? `${as} (JSONC)` : as);
}

/** `mcpServers` blocks inside Markdown code fences (a README's "add this to your config"). */
export function convertMcpMarkdown(ctx: ConvertCtx, input: ImportInput, tool: ToolId, as: string): void {
  const names: string[] = [];
  for (const m of input.text.matchAll(/```(?:json|jsonc|json5)?[^\n]*\n([\s\S]*?)```/g)) {
    const parsed = parseJsonc(m[1]!);
    if ('error' in parsed) continue;
    for (const map of serverMaps(parsed.value))
      for (const [n, e] of Object.entries(map)) names.push(addServer(ctx, input.rel, n, obj(e)));
  }
  if (!names.length) {
    ctx.skip(input.rel, 'has an mcpServers code block that is not valid JSON');
    return;
  }
  shared(ctx, tool, input.rel, names);
  ctx.recognise(input.rel, as);
}

/** Codex's `config.toml` `[mcp_servers.<name>]` tables. */
export function convertCodexToml(ctx: ConvertCtx, input: ImportInput, as: string): void {
  const t = parseToml(input.text) as Record<string, unknown>;
  const names = Object.entries(obj(t.mcp_servers)).map(([n, e]) => addServer(ctx, input.rel, n, obj(e)));
  if (!names.length) {
    ctx.skip(input.rel, 'has no [mcp_servers.<name>] tables');
    return;
  }
  shared(ctx, 'codex', input.rel, names);
  ctx.recognise(input.rel, as);
}
