import { TOOL_IDS, type ContextBudget, type KindTokens, type ToolId } from '../../shared/agents';
import type { RuleActivation } from '../../shared/content';
import { contentHash } from './hash';

/**
 * Per-tool token budgets we warn above: the tools' own caps where they have one (Windsurf 12,000 characters a rule,
 * Codex 32 KiB of AGENTS.md), otherwise a share of the context window that leaves room for the work itself.
 */
export const TOKEN_LIMITS: Readonly<Record<ToolId, number>> = {
  windsurf: 3_000,
  codex: 8_192,
  cursor: 8_000,
  copilot: 8_000,
  'claude-code': 20_000,
  gemini: 20_000,
  'amazon-q': 20_000,
  kiro: 20_000,
  antigravity: 20_000,
  devin: 3_000,
  'claude-desktop': 0,
};

/** About four characters a token: close enough for budgeting English prose and code. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A rule as the budget sees it: its text and how it is loaded (no activation: always). */
export interface BudgetRule {
  readonly path: string;
  readonly body: string;
  readonly activation?: RuleActivation;
  readonly description?: string;
}

/** Skills and commands as the budget sees them: what a tool lists up front. */
export interface BudgetKinds {
  readonly skills?: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly commands?: ReadonlyArray<{ readonly name: string; readonly description: string }>;
}

/** The tokens per kind: see KindTokens. */
export function kindTokens(prompt: string, rules: ReadonlyArray<BudgetRule>, kinds: BudgetKinds = {}): KindTokens {
  const t = { prompt: estimateTokens(prompt), always: 0, conditional: 0, agentRequested: 0, manual: 0 };
  for (const r of rules) {
    const a = r.activation ?? 'always';
    if (a === 'always') t.always += estimateTokens(r.body);
    else if (a === 'glob') t.conditional += estimateTokens(r.body);
    else if (a === 'agent-requested') t.agentRequested += estimateTokens(r.description ?? '');
  }
  const skills = (kinds.skills ?? []).reduce((n, s) => n + estimateTokens(`${s.name}: ${s.description}`), 0);
  const commands = (kinds.commands ?? []).reduce((n, c) => n + estimateTokens(c.description), 0);
  return { ...t, skills, commands };
}

const NOTHING: KindTokens = {
  prompt: 0,
  always: 0,
  conditional: 0,
  agentRequested: 0,
  manual: 0,
  skills: 0,
  commands: 0,
};

/** What of `k` is loaded up front. */
export function upFront(k: KindTokens): number {
  return k.prompt + k.always + k.agentRequested + k.manual + k.skills + k.commands;
}

/**
 * The agent's estimated context per tool and per kind, with warnings above each tool's limit (on what is loaded up
 * front) and repeated content flagged.
 */
export function contextBudget(
  prompt: string,
  resources: ReadonlyArray<BudgetRule>,
  kinds: BudgetKinds = {},
): ContextBudget {
  const byKind = kindTokens(prompt, resources, kinds);
  const tokens = upFront(byKind);
  const perTool = TOOL_IDS.map((tool) => {
    // Claude Desktop gets only MCP servers from an agent, no instructions.
    const k = tool === 'claude-desktop' ? NOTHING : byKind;
    const t = upFront(k);
    const limit = TOKEN_LIMITS[tool];
    return { tool, tokens: t, conditional: k.conditional, byKind: k, limit, over: limit > 0 && t > limit };
  });
  const seen = new Map<string, { excerpt: string; in: string[] }>();
  const note = (key: string, excerpt: string, where: string) => {
    const e = seen.get(key) ?? { excerpt, in: [] };
    if (!e.in.includes(where)) e.in.push(where);
    seen.set(key, e);
  };
  for (const r of resources) note(`file:${contentHash(r.body.trim())}`, `the whole of ${r.path}`, r.path);
  for (const [where, text] of [['prompt', prompt] as const, ...resources.map((r) => [r.path, r.body] as const)]) {
    for (const para of text.split(/\n\s*\n/)) {
      const norm = para.replace(/\s+/g, ' ').trim();
      if (norm.length >= 80) note(`para:${norm}`, norm.slice(0, 80) + '…', where);
    }
  }
  const dupFiles = new Set(
    [...seen.entries()].filter(([k, v]) => k.startsWith('file:') && v.in.length > 1).flatMap(([, v]) => v.in),
  );
  const duplicates = [...seen.entries()]
    .filter(([k, v]) => v.in.length > 1 && (k.startsWith('file:') || !v.in.every((w) => dupFiles.has(w))))
    .map(([, v]) => ({ excerpt: v.excerpt, in: v.in }));
  return { tokens, byKind, perTool, duplicates };
}

/**
 * The sample the Analytics chart keeps per agent: its estimated tokens against the tightest budget of the tools
 * it is installed into (or targets); no budget when it goes to none with a limit.
 */
export function budgetSample(
  agent: string,
  budget: ContextBudget,
  tools: ReadonlyArray<string>,
): { agent: string; tokens: number; budget?: number } {
  const limits = budget.perTool.filter((t) => tools.includes(t.tool) && t.limit > 0).map((t) => t.limit);
  return { agent, tokens: budget.tokens, ...(limits.length ? { budget: Math.min(...limits) } : {}) };
}
