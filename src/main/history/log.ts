import type { HistoryVersion } from '../../shared/ipc/channels/history';
import { HISTORY_REF, headVersion, type HistoryRepo } from './repo';
import { entryFor } from './tool-paths';

const STATUS = { a: 'added', m: 'modified', d: 'deleted' } as const;

/** Parses one commit's message into the version fields (trailers written by `formatMessage`). */
export function parseVersion(id: string, date: string, body: string): HistoryVersion {
  const lines = body.split('\n');
  const trailer = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
  let files: HistoryVersion['files'] = [];
  try {
    const raw = JSON.parse(trailer('Files') || '[]') as Array<{ s: string; p: string }>;
    files = raw.map((f) => ({ status: STATUS[f.s as keyof typeof STATUS] ?? 'modified', path: f.p }));
  } catch {
    files = [];
  }
  const subject = lines[0] ?? '';
  const colon = subject.indexOf('): ');
  return {
    id,
    shortId: id.slice(0, 10),
    date,
    operation: trailer('Operation') || 'unknown',
    phase: trailer('Phase') || 'unknown',
    correlationId: trailer('Correlation-Id'),
    message: colon >= 0 ? subject.slice(colon + 3) : subject,
    filesChanged: Number(trailer('Files-Changed')) || files.length,
    files,
  };
}

/** The timeline, newest first; optionally only versions that changed one path, or of one operation. */
export async function listVersions(
  repo: HistoryRepo,
  opts: { path?: string; operation?: string; limit?: number } = {},
): Promise<HistoryVersion[]> {
  if (!(await headVersion(repo))) return [];
  const args = [
    'log',
    '-z',
    '--format=%H%x1f%cI%x1f%B',
    ...(opts.path || opts.operation ? [] : [`--max-count=${opts.limit ?? 10_000}`]),
    HISTORY_REF,
  ];
  if (opts.path) args.push('--', entryFor(opts.path));
  const r = await repo.run(args, { operation: 'history log' });
  const out: HistoryVersion[] = [];
  for (const rec of r.stdout.split('\0')) {
    if (!rec.trim()) continue;
    const [id, date, body] = rec.split('\x1f');
    const v = parseVersion(id!.trim(), date!, body ?? '');
    if (opts.operation && v.operation !== opts.operation && !v.operation.startsWith(opts.operation + '.')) continue;
    out.push(v);
    if (opts.limit && out.length >= opts.limit) break;
  }
  return out;
}
