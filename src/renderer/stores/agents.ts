import { create } from 'zustand';
import type {
  AgentDetail,
  AgentSummary,
  DriftChoice,
  ImportResult,
  InstallPlan,
  InstallResult,
  Scope,
  ToolId,
} from '../../shared/agents';
import type { IpcError } from '../../shared/errors';
import type { LibraryEntry } from '../../shared/library';
import type { PendingApproval } from '../../shared/scan';
import type { ToolInfo } from '../../shared/tools';
import { getApi, newActionId } from '../api/client';
import type { Load } from './library';

/** What the install panel targets. */
export interface InstallTarget {
  readonly tool: ToolId;
  readonly scope: Scope;
  readonly project: string;
}

/** A new agent as the editor holds it. */
export interface AgentDraft {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly prompt: string;
  readonly resources: ReadonlyArray<string>;
  readonly mcpServers: ReadonlyArray<string>;
}

interface AgentsState {
  agents: Load<ReadonlyArray<AgentSummary>>;
  selected?: string;
  detail: Load<AgentDetail>;
  target: InstallTarget;
  /** The preview of the next install or uninstall. */
  plan: Load<InstallPlan>;
  resolutions: Record<string, DriftChoice>;
  result?: InstallResult;
  actionError?: IpcError;
  busy: boolean;
  library: ReadonlyArray<LibraryEntry>;
  refresh(): Promise<void>;
  select(name: string): Promise<void>;
  setTarget(t: Partial<InstallTarget>): void;
  preview(operation: 'install' | 'uninstall'): Promise<void>;
  resolve(file: string, choice: DriftChoice): void;
  apply(): Promise<void>;
  /** Approves the MCP server commands an install was refused for (NEEDS_APPROVAL), then installs again. */
  approveAndApply(items: ReadonlyArray<PendingApproval>): Promise<void>;
  loadLibrary(): Promise<void>;
  create(draft: AgentDraft): Promise<boolean>;
  /** The import preview (dry run) or result, and what it was run on. */
  imported: Load<ImportResult>;
  importSource?: ImportSource;
  /** Runs the import as a dry run: the per-file report and what would be created. */
  previewImport(source: ImportSource): Promise<void>;
  confirmImport(): Promise<void>;
  /** Every tool target (label, scopes, what supersedes it), for the install panel's tool list. */
  tools: Load<ReadonlyArray<ToolInfo>>;
  loadTools(): Promise<void>;
  /** Project scope: also write the tool's user-level files (the panel's confirmation); re-plans when changed. */
  allowUserFiles: boolean;
  setAllowUserFiles(allow: boolean): Promise<void>;
}

const request = (s: { selected?: string; target: InstallTarget; allowUserFiles: boolean }) => ({
  name: s.selected ?? '',
  tool: s.target.tool,
  scope: s.target.scope,
  ...(s.target.scope === 'project' ? { project: s.target.project } : {}),
  ...(s.target.scope === 'project' && s.allowUserFiles ? { allowUserFiles: true } : {}),
});

/** Mirrors main's agents: the list with install states, the open agent, the install preview and its result. */
export const useAgents = create<AgentsState>((set, get) => ({
  agents: { kind: 'idle' },
  detail: { kind: 'idle' },
  target: { tool: 'claude-code', scope: 'project', project: '' },
  plan: { kind: 'idle' },
  resolutions: {},
  busy: false,
  library: [],
  async refresh() {
    if (get().agents.kind !== 'ready') set({ agents: { kind: 'loading' } });
    const r = await getApi().invoke('agents:list', {}, { correlationId: newActionId('agents') });
    set({ agents: r.ok ? { kind: 'ready', value: r.value.agents } : { kind: 'error', error: r.error } });
  },
  async select(name) {
    set({
      selected: name,
      detail: { kind: 'loading' },
      plan: { kind: 'idle' },
      result: undefined,
      actionError: undefined,
      resolutions: {},
    });
    const r = await getApi().invoke('agents:show', { name }, { correlationId: newActionId('agent') });
    if (get().selected !== name) return;
    set({ detail: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  setTarget(t) {
    set({
      target: { ...get().target, ...t },
      allowUserFiles: false,
      plan: { kind: 'idle' },
      result: undefined,
      actionError: undefined,
      resolutions: {},
    });
  },
  async preview(operation) {
    set({ plan: { kind: 'loading' }, result: undefined, actionError: undefined });
    const r = await getApi().invoke(
      'agents:plan',
      { ...request(get()), operation, resolutions: get().resolutions },
      { correlationId: newActionId('plan') },
    );
    set({ plan: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  resolve(file, choice) {
    set({ resolutions: { ...get().resolutions, [file]: choice } });
    const plan = get().plan;
    if (plan.kind === 'ready') void get().preview(plan.value.operation);
  },
  async apply() {
    const plan = get().plan;
    if (plan.kind !== 'ready') return;
    set({ busy: true, actionError: undefined });
    const channel = plan.value.operation === 'install' ? 'agents:install' : 'agents:uninstall';
    const r = await getApi().invoke(
      channel,
      { ...request(get()), resolutions: get().resolutions },
      { correlationId: newActionId(plan.value.operation) },
    );
    set({ busy: false, ...(r.ok ? { result: r.value, plan: { kind: 'idle' } } : { actionError: r.error }) });
    await get().refresh();
    if (get().selected) {
      const d = await getApi().invoke(
        'agents:show',
        { name: get().selected! },
        { correlationId: newActionId('agent') },
      );
      if (d.ok) set({ detail: { kind: 'ready', value: d.value } });
    }
  },
  async approveAndApply(items) {
    set({ busy: true });
    const r = await getApi().invoke(
      'approvals:approve',
      { items: [...items] },
      { correlationId: newActionId('approve') },
    );
    set({ busy: false, ...(r.ok ? {} : { actionError: r.error }) });
    if (r.ok) await get().apply();
  },
  async loadLibrary() {
    const r = await getApi().invoke('library:tree', {}, { correlationId: newActionId('tree') });
    if (r.ok) set({ library: r.value.entries.filter((e) => !e.overriddenBy) });
  },
  tools: { kind: 'idle' },
  async loadTools() {
    if (get().tools.kind === 'ready') return;
    set({ tools: { kind: 'loading' } });
    const r = await getApi().invoke('tools:list', {}, { correlationId: newActionId('tools') });
    set({ tools: r.ok ? { kind: 'ready', value: r.value.tools } : { kind: 'error', error: r.error } });
  },
  allowUserFiles: false,
  async setAllowUserFiles(allow) {
    set({ allowUserFiles: allow });
    const plan = get().plan;
    if (plan.kind === 'ready' && plan.value.operation === 'install') await get().preview('install');
  },
  imported: { kind: 'idle' },
  async previewImport(source) {
    set({ importSource: source, imported: { kind: 'loading' } });
    const r = await getApi().invoke(
      'agents:import',
      { ...importRequest(source), dryRun: true },
      { correlationId: newActionId('importpreview') },
    );
    set({ imported: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  async confirmImport() {
    const source = get().importSource;
    if (!source) return;
    set({ busy: true });
    const r = await getApi().invoke('agents:import', importRequest(source), { correlationId: newActionId('import') });
    set({ busy: false, imported: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
    await get().refresh();
  },
  async create(draft) {
    set({ busy: true, actionError: undefined });
    const r = await getApi().invoke(
      'agents:create',
      {
        name: draft.name,
        ...(draft.title ? { title: draft.title } : {}),
        description: draft.description,
        prompt: draft.prompt,
        resources: [...draft.resources],
        mcpServers: [...draft.mcpServers],
      },
      { correlationId: newActionId('create') },
    );
    set({ busy: false, ...(r.ok ? {} : { actionError: r.error }) });
    if (!r.ok) return false;
    await get().refresh();
    await get().select(draft.name);
    return true;
  },
}));

/** What an import runs on: a folder or file path, a Git repository URL, or dropped files (relative names). */
export type ImportSource =
  | { readonly path: string }
  | { readonly url: string }
  | { readonly files: ReadonlyArray<{ readonly name: string; readonly content: string }> };

function importRequest(source: ImportSource) {
  if ('path' in source) return { path: source.path };
  if ('url' in source) return { url: source.url };
  return { files: source.files.map((f) => ({ name: f.name, content: f.content })) };
}
