import type { PendingApproval, ScanFinding } from '../../shared/scan';
import type { CommandContext } from '../context';

/** One finding as `file:line: rule-id: message` (warnings say so before the rule, like lint's other warnings). */
export function findingLine(f: Pick<ScanFinding, 'file' | 'line' | 'rule' | 'severity' | 'message'>): string {
  return `${f.file}:${f.line}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.rule}: ${f.message}`;
}

const APPROVE_NOTE = 'installs ask first; approve with `ai-config agent install NAME --tool TOOL --approve`';

/** Prints what a clone or update of `source` brought in: scan findings and the MCP servers that need approval. */
export function printContentCheck(
  ctx: CommandContext,
  source: string,
  findings: ReadonlyArray<ScanFinding> = [],
  needsApproval: ReadonlyArray<PendingApproval> = [],
): void {
  if (findings.length) {
    ctx.io.out(`  Content scan of ${source}: ${findings.length} finding(s):\n`);
    for (const f of findings) ctx.io.out(`    ${findingLine(f)}\n`);
  }
  if (needsApproval.length) {
    ctx.io.out(`  Needs approval (${APPROVE_NOTE}):\n`);
    for (const p of needsApproval) ctx.io.out(`    ${p.name}: ${p.command}\n`);
  }
}
