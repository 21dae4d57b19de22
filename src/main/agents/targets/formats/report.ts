import type { ContentKind, KindOutcome } from '../../../../shared/content';

/**
 * Collects what each item became in one tool, and the warning every fallback and skip carries (naming the item
 * and the tool), so a target says exactly what it did instead of dropping anything silently.
 */
export class Reporter {
  readonly report: KindOutcome[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly tool: string) {}

  native(kind: ContentKind, name: string, detail: string, mappedName?: string): void {
    this.report.push({ kind, name, outcome: 'native', detail, ...(mappedName ? { mappedName } : {}) });
    if (mappedName) this.warnings.push(`${this.tool}: the ${kind} "${name}" is named "${mappedName}" there.`);
  }

  /** `how`: what was done instead, e.g. "rendered as a skill in .agents/skills/fix-issue/". */
  fallback(kind: ContentKind, name: string, how: string, mappedName?: string): void {
    this.report.push({ kind, name, outcome: 'fallback', detail: how, ...(mappedName ? { mappedName } : {}) });
    this.warnings.push(`${this.tool} has no ${plural(kind)} like "${name}": ${how}.`);
  }

  /** `why`: the reason, and what to do about it if anything can be done. */
  skipped(kind: ContentKind, name: string, why: string): void {
    this.report.push({ kind, name, outcome: 'skipped', detail: why });
    this.warnings.push(`${this.tool}: the ${kind} "${name}" was not installed: ${why}`);
  }

  /** A warning that is not about one item's outcome (a scope the tool ignores, a size cap). */
  warn(text: string): void {
    this.warnings.push(text);
  }
}

/**
 * What to run for an item that the tool replacing a legacy one holds (legacy Q CLI -> kiro, Windsurf -> devin):
 * the real command, so a skip says what can be done.
 */
export function installIntoHint(agent: string, tool: string): string {
  return `install the agent into ${tool} (ai-config agent install ${agent} --tool ${tool})`;
}

/** `rule` -> `rules`; `permissions` stays. */
function plural(kind: ContentKind): string {
  return kind.endsWith('s') ? kind : `${kind}s`;
}
