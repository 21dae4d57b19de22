import { parse as parseToml } from 'smol-toml';
import type { ImportKind, ToolId } from '../../../shared/agents';
import { parseFrontmatter } from '../../library/frontmatter';
import { agentFileText } from '../write-agent';
import { detectFile } from './detect';
import { mcpServerFromEntry } from './mcp-from-tool';

/** One file handed to the importer: from a folder walk, or dropped on the window. */
export interface ImportInput {
  /** Path relative to the import root (or the bare name of a dropped file), "/" separators. */
  readonly rel: string;
  readonly text: string;
  /** Where it is on disk, when it is (for `file://` resources relative to it). */
  readonly abs?: string;
}

/** How the converter reads around an input: files (a prompt's or resource's `file://`) and folders (globs). */
export interface ImportIo {
  /** A file's text inside the import root, or undefined (missing, a refused symlink, outside the root). */
  readFile(abs: string): string | undefined;
  /** A folder's entry names inside the import root, or undefined; absent for dropped files. */
  listDir?(abs: string): string[] | undefined;
}

/** What the converter made of a folder of inputs. */
export interface ConvertResult {
  readonly files: ConvertedFile[];
  readonly skipped: Array<{ from: string; reason: string }>;
  readonly warnings: string[];
  /** Each input that was recognised, with what it was read as ("Cursor rule", "Kiro agent", ...). */
  readonly recognised: Array<{ from: string; as: string }>;
  /** Inputs whose content went into a file another input made, with that file's path and why. */
  readonly merged: Array<{ from: string; into: string; reason: string }>;
}

/** A file the import creates, relative to the personal workspace. */
export interface ConvertedFile {
  readonly from: string;
  readonly kind: ImportKind;
  readonly path: string;
  readonly content: string;
}

interface AgentDraft {
  from: string;
  name: string;
  tool: ToolId;
  description: string;
  prompt: string;
  resources: string[];
  mcpServers?: string[];
  settings: Record<string, Record<string, unknown>>;
}

const Q_KNOWN = new Set(['$schema', 'name', 'description', 'prompt', 'mcpServers', 'resources']);
const Q_SETTINGS = ['tools', 'allowedTools', 'model', 'toolAliases', 'toolsSettings', 'hooks', 'useLegacyMcpJson'];
const MARKED = /<!-- ai-configurator:begin agent=([^ ]+) -->[\s\S]*?<!-- ai-configurator:end agent=\1 -->\n?/g;

/** A library-safe name. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .replace(/-+$/, '')
      .slice(0, 64) || 'imported'
  );
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * Turns existing tool files into library files: agents (one per rule, subagent, memory file or agent JSON),
 * MCP server definitions and knowledge. Fields we do not model are kept under the agent's `settings.<tool>`.
 */
export function convertImport(inputs: ReadonlyArray<ImportInput>, label: string, io: ImportIo): ConvertResult {
  const readFile = (abs: string) => io.readFile(abs);
  const lab = slug(label);
  const files: ConvertedFile[] = [];
  const skipped: Array<{ from: string; reason: string }> = [];
  const warnings: string[] = [];
  const servers = new Map<string, string>();
  const serversByTool = new Map<ToolId, string[]>();
  const drafts: AgentDraft[] = [];
  const names = new Set<string>();
  const uniqueName = (n: string) => {
    let name = slug(n);
    for (let i = 2; names.has(name); i++) name = `${slug(n)}-${i}`;
    names.add(name);
    return name;
  };
  const addServer = (from: string, tool: ToolId, rawName: string, entry: Record<string, unknown>): string => {
    let name = slug(rawName);
    const json = (n: string) => JSON.stringify(mcpServerFromEntry(n, entry), null, 2) + '\n';
    if (servers.has(name) && servers.get(name) !== json(name)) name = slug(`${rawName}-${tool}`);
    if (!servers.has(name)) {
      servers.set(name, json(name));
      files.push({ from, kind: 'mcp-server', path: `mcp-servers/${name}.json`, content: json(name) });
    }
    const list = serversByTool.get(tool) ?? [];
    if (!list.includes(name)) list.push(name);
    serversByTool.set(tool, list);
    return name;
  };

  for (const input of inputs) {
    const d = detectFile(input.rel, input.text);
    if (!d) {
      skipped.push({ from: input.rel, reason: 'not a tool configuration AI Configurator knows' });
      continue;
    }
    try {
      switch (d.kind) {
        case 'mcp-json': {
          for (const [n, e] of Object.entries(obj(obj(JSON.parse(input.text))[d.parent])))
            addServer(input.rel, d.tool, n, obj(e));
          break;
        }
        case 'codex-toml': {
          for (const [n, e] of Object.entries(obj(obj(parseToml(input.text)).mcp_servers)))
            addServer(input.rel, 'codex', n, obj(e));
          break;
        }
        case 'agent-json': {
          const j = obj(JSON.parse(input.text));
          const name = uniqueName(
            typeof j.name === 'string'
              ? j.name
              : input.rel
                  .split('/')
                  .pop()!
                  .replace(/\.json$/, ''),
          );
          const mcp = Object.entries(obj(j.mcpServers)).map(([n, e]) => addServer(input.rel, d.tool, n, obj(e)));
          let prompt = typeof j.prompt === 'string' ? j.prompt : '';
          if (prompt.startsWith('file://')) {
            const text = input.abs ? readFile(resolveUri(prompt, input.abs)) : undefined;
            if (text === undefined)
              warnings.push(`${input.rel}: the prompt file ${prompt} was not found; the agent's prompt is empty.`);
            prompt = text ?? '';
          }
          const resources: string[] = [];
          for (const uri of Array.isArray(j.resources)
            ? j.resources.filter((r): r is string => typeof r === 'string')
            : []) {
            const text = input.abs ? readFile(resolveUri(uri, input.abs)) : undefined;
            if (text === undefined) {
              warnings.push(`${input.rel}: the resource ${uri} was not found; it was left out.`);
              continue;
            }
            const p = `imported/${lab}/${name}/${uri.split('/').pop()}`;
            files.push({ from: input.rel, kind: 'knowledge', path: p, content: text });
            resources.push(p);
          }
          const settings: Record<string, unknown> = {};
          for (const k of Q_SETTINGS)
            if (j[k] !== undefined && !(k === 'tools' && JSON.stringify(j[k]) === '["*"]')) settings[k] = j[k];
          const extra = Object.fromEntries(
            Object.entries(j).filter(
              ([k]) => !Q_KNOWN.has(k) && !Q_SETTINGS.includes(k) && !(d.tool === 'kiro' && k === 'includeMcpJson'),
            ),
          );
          if (Object.keys(extra).length) settings.extra = extra;
          drafts.push({
            from: input.rel,
            name,
            tool: d.tool,
            description: typeof j.description === 'string' ? j.description : '',
            prompt,
            resources,
            ...(mcp.length ? { mcpServers: mcp } : {}),
            settings: Object.keys(settings).length ? { [d.tool]: settings } : {},
          });
          break;
        }
        case 'memory': {
          const body = input.text.replace(MARKED, '').trim();
          if (!body) {
            skipped.push({ from: input.rel, reason: 'holds only sections AI Configurator installed' });
            break;
          }
          const p = `imported/${lab}/${d.tool}/${input.rel.split('/').pop()}`;
          files.push({ from: input.rel, kind: 'knowledge', path: p, content: body + '\n' });
          drafts.push({
            from: input.rel,
            name: uniqueName(`${lab}-${d.tool}`),
            tool: d.tool,
            description: `Instructions imported from ${input.rel}`,
            prompt: '',
            resources: [p],
            settings: {},
          });
          break;
        }
        case 'rule': {
          const md = parseFrontmatter(input.text);
          const fm = { ...md.frontmatter };
          const base = input.rel
            .split('/')
            .pop()!
            .replace(/\.instructions\.md$|\.mdc$|\.md$/, '');
          const description = typeof fm.description === 'string' ? fm.description : '';
          delete fm.description;
          const s: Record<string, unknown> = {};
          const take = (k: string, as = k) => {
            if (fm[k] !== undefined) s[as] = fm[k];
            delete fm[k];
          };
          let name = base;
          if (d.tool === 'claude-code') {
            if (typeof fm.name === 'string') name = fm.name;
            delete fm.name;
            take('tools');
            take('model');
          } else if (d.tool === 'cursor') {
            take('globs');
            take('alwaysApply');
          } else if (d.tool === 'windsurf') {
            take('trigger');
            take('globs');
          } else take('applyTo');
          if (Object.keys(fm).length) s.frontmatter = fm;
          const agentName = uniqueName(name);
          let prompt = md.body.replace(/^\n+/, '');
          const resources: string[] = [];
          if (d.tool === 'copilot') {
            const p = `imported/${lab}/copilot/${base}.md`;
            files.push({ from: input.rel, kind: 'knowledge', path: p, content: prompt });
            resources.push(p);
            prompt = '';
          }
          drafts.push({
            from: input.rel,
            name: agentName,
            tool: d.tool,
            description,
            prompt,
            resources,
            settings: Object.keys(s).length ? { [d.tool]: s } : {},
          });
          break;
        }
      }
    } catch (e) {
      skipped.push({ from: input.rel, reason: `could not be read: ${(e as Error).message.split('\n')[0]}` });
    }
  }

  // MCP servers of a tool with no agent of its own in this import get one, so they can be installed again.
  for (const [tool, list] of serversByTool) {
    if (!drafts.some((x) => x.tool === tool && !x.mcpServers)) {
      if (!drafts.some((x) => x.tool === tool))
        drafts.push({
          from: `${tool} MCP configuration`,
          name: uniqueName(`${lab}-${tool}-mcp`),
          tool,
          description: `MCP servers imported from ${tool}`,
          prompt: '',
          resources: [],
          mcpServers: list,
          settings: {},
        });
    }
  }
  for (const a of drafts) {
    const fm = {
      name: a.name,
      description: a.description,
      tags: ['imported', a.tool],
      resources: a.resources,
      mcpServers: a.mcpServers ?? serversByTool.get(a.tool) ?? [],
      settings: a.settings,
    };
    files.push({ from: a.from, kind: 'agent', path: `agents/${a.name}.md`, content: agentFileText(fm, a.prompt) });
  }
  return { files, skipped, warnings, recognised: [], merged: [] };
}

function resolveUri(uri: string, fromFile: string): string {
  const p = uri.replace(/^file:\/\//, '');
  if (p.startsWith('/')) return p;
  if (p.startsWith('~/')) return p;
  return fromFile.replace(/[^/\\]+$/, '') + p.replace(/^\.\//, '');
}
