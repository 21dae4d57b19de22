import type { ImportKind, ToolId } from '../../../shared/agents';
import { fileName, libraryName } from './names';
import type { AgentDraft, Bundle, ConvertedFile, ImportInput, ImportIo } from './types';

/** The state one conversion builds up: files made, the report, names taken, and what each tool's bundle holds. */
export class ConvertCtx {
  readonly files: ConvertedFile[] = [];
  readonly skipped: Array<{ from: string; reason: string }> = [];
  readonly warnings: string[] = [];
  readonly recognised: Array<{ from: string; as: string }> = [];
  readonly merged: Array<{ from: string; into: string; reason: string }> = [];
  readonly drafts: AgentDraft[] = [];
  readonly bundles = new Map<ToolId, Bundle>();
  /** MCP servers from a tool's shared config (not an agent's own), by tool. */
  readonly sharedServers = new Map<ToolId, { from: string; names: string[] }>();
  /** Settings the bundle agent of a tool keeps for what the library does not model (`settings.<tool>.extra`). */
  readonly bundleSettings: Partial<Record<ToolId, Record<string, unknown>>> = {};
  private readonly paths = new Set<string>();
  private readonly agentNames = new Set<string>();

  constructor(
    readonly label: string,
    readonly io: ImportIo,
    readonly inputs: ReadonlyArray<ImportInput>,
  ) {}

  private readonly recognisedFrom = new Set<string>();

  recognise(from: string, as: string): void {
    if (this.recognisedFrom.has(from)) return;
    this.recognisedFrom.add(from);
    this.recognised.push({ from, as });
  }

  isRecognised(from: string): boolean {
    return this.recognisedFrom.has(from);
  }

  skip(from: string, reason: string): void {
    this.skipped.push({ from, reason });
  }

  add(file: ConvertedFile): void {
    this.paths.add(file.path.toLowerCase());
    this.files.push(file);
  }

  /** True when a path is taken (case-insensitively: the workspace may be on a case-insensitive disk). */
  taken(p: string): boolean {
    return this.paths.has(p.toLowerCase());
  }

  /**
   * A free `<dir>/<name><ext>`: the original name when it is safe for a file name and free, else a safe one with
   * `-<tool>` or `-2`, `-3`... (a warning says old -> new).
   */
  claimPath(from: string, dir: string, raw: string, ext: string, tool: ToolId): { path: string; name: string } {
    const safe = fileName(raw);
    let name = safe;
    if (this.taken(`${dir}/${name}${ext}`)) name = `${safe}-${tool}`;
    for (let i = 2; this.taken(`${dir}/${name}${ext}`); i++) name = `${safe}-${tool}-${i}`;
    if (name !== raw) this.renamed(from, raw, name);
    this.paths.add(`${dir}/${name}${ext}`.toLowerCase());
    return { path: `${dir}/${name}${ext}`, name };
  }

  /** A free agent name (lower-case, as the library requires), warned when it differs from the original. */
  agentName(from: string, raw: string): string {
    const base = libraryName(raw);
    let name = base;
    for (let i = 2; this.agentNames.has(name); i++) name = `${base}-${i}`;
    this.agentNames.add(name);
    if (name !== raw) this.renamed(from, raw, name);
    return name;
  }

  renamed(from: string, raw: string, name: string): void {
    this.warnings.push(`${from}: "${raw}" was imported as "${name}" (a library name must be unique and safe).`);
  }

  bundle(tool: ToolId, from: string): Bundle {
    let b = this.bundles.get(tool);
    if (!b) {
      b = { from, rules: [], skills: [], commands: [], hooks: [], permissions: [] };
      this.bundles.set(tool, b);
    }
    return b;
  }

  file(from: string, kind: ImportKind, path: string, content: string, executable?: true): void {
    this.add({ from, kind, path, content, ...(executable ? { executable } : {}) });
  }
}
