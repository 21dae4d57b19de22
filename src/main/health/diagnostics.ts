import fs from 'node:fs';
import os from 'node:os';
import type { AppInfo } from '../../shared/ipc/channels/app';
import type { HealthReport, LogLine, MetricsSummary, AuditEntry } from '../../shared/ipc/channels/health';
import { redact, redactText } from '../observability/redact';
import { writeAtomic } from '../workspace/atomic-write';

export interface DiagnosticsInput {
  readonly info: AppInfo;
  readonly gitVersion: string;
  /** settings.json as written (parsed when possible), or why it could not be read. */
  readonly settingsFile: string;
  readonly health: HealthReport;
  readonly logs: ReadonlyArray<LogLine>;
  readonly audit: ReadonlyArray<AuditEntry>;
  readonly metrics: MetricsSummary;
  readonly now: Date;
}

function settingsSnapshot(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { unreadable: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    return JSON.parse(text);
  } catch {
    return { invalidJson: text.slice(0, 4000) };
  }
}

/** The support bundle: versions, settings, health, recent logs, audit and metrics, all redacted. */
export function buildDiagnostics(input: DiagnosticsInput): unknown {
  return redact(
    {
      generatedAt: input.now.toISOString(),
      note: 'Written by AI Configurator for support. Secrets are redacted; nothing was sent anywhere.',
      versions: {
        app: input.info.version,
        host: input.info.host,
        node: process.versions.node,
        electron: process.versions.electron ?? null,
        git: input.gitVersion,
        platform: process.platform,
        arch: process.arch,
        os: os.release(),
      },
      home: input.info.home,
      settings: settingsSnapshot(input.settingsFile),
      health: input.health,
      recentLogs: input.logs,
      audit: input.audit,
      metrics: { operations: input.metrics.operations, library: input.metrics.library.slice(-20) },
    },
    0,
  );
}

/** Writes the bundle as pretty JSON (0600) and resolves to its size. */
export async function writeDiagnostics(file: string, bundle: unknown): Promise<number> {
  const text = redactText(JSON.stringify(bundle, null, 2)) + '\n';
  await writeAtomic(file, text, { mode: 0o600 });
  return Buffer.byteLength(text);
}
