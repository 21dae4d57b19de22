import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { MigratedFile } from '../../shared/ipc/channels/history';

/** A plain document (a parsed JSON file, or an agent's frontmatter) with a `schemaVersion`. */
export type Doc = Readonly<Record<string, unknown>>;

/** The FILE_NEWER message: `what` (a file, or a phrase naming it) has a schemaVersion above the one we understand. */
export function newerFileMessage(what: string, kind: string, version: number, current: number): string {
  return (
    `${what} was written by a newer AI Configurator ` +
    `(${kind} schemaVersion ${version}; this version understands up to ${current}).`
  );
}

/** One step of a chain: turns a document of version `from` into version `from + 1`. Must be pure. */
export interface Migration {
  readonly from: number;
  /** What the step does, for the report (e.g. "moved logLevel into logging.level"). */
  readonly describe: string;
  migrate(doc: Doc): Doc;
}

/** The chain of one kind of file: its current version and the steps that lead there. */
export interface MigrationChain {
  readonly kind: string;
  readonly current: number;
  readonly migrations: ReadonlyArray<Migration>;
  /** The error code for a file from a newer version (defaults to FILE_NEWER). */
  readonly newerCode?: ErrorCode;
  /** The code for a file whose version field is missing or wrong (defaults to INVALID_FILE). */
  readonly invalidCode?: ErrorCode;
}

export interface MigrationOutcome {
  readonly doc: Doc;
  readonly from: number;
  readonly to: number;
  /** One line per step, then the fields that were added, removed or changed. */
  readonly changes: ReadonlyArray<string>;
}

/**
 * Brings a document up to the chain's current version. A newer document is refused (never downgraded),
 * a missing or non-integer `schemaVersion` is an error naming the file and the field.
 */
export function migrateDocument(chain: MigrationChain, doc: Doc, file: string): MigrationOutcome {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(
      chain.invalidCode ?? 'INVALID_FILE',
      `${file}: field "schemaVersion" is missing or not a whole number.`,
      `Set "schemaVersion": ${chain.current}.`,
      { file, field: 'schemaVersion' },
    );
  }
  if (version > chain.current) {
    throw new AppError(
      chain.newerCode ?? 'FILE_NEWER',
      newerFileMessage(file, chain.kind, version, chain.current),
      'Update AI Configurator to open it. The file was not changed.',
      { file, field: 'schemaVersion' },
    );
  }
  let out: Doc = doc;
  const steps: string[] = [];
  for (let v = version; v < chain.current; v++) {
    const step = chain.migrations.find((m) => m.from === v);
    if (!step) throw new Error(`No ${chain.kind} migration from schemaVersion ${v}`);
    out = { ...step.migrate(out), schemaVersion: v + 1 };
    steps.push(`${chain.kind} ${v} → ${v + 1}: ${step.describe}`);
  }
  return {
    doc: out,
    from: version,
    to: chain.current,
    changes: version === chain.current ? [] : [...steps, ...fieldChanges(doc, out)],
  };
}

/** The JSON paths that differ between two documents, as readable lines. */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): string[] {
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = prefix ? `${prefix}.${k}` : k;
      if (!(k in after)) return [`removed ${p}`];
      if (!(k in before)) return [`added ${p} = ${JSON.stringify(after[k])}`];
      return fieldChanges(before[k], after[k], p);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [`changed ${prefix || 'the value'}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`];
}

/** How a file is read into a document and written back (JSON; an agents codec handles Markdown frontmatter). */
export interface DocCodec {
  parse(text: string, file: string): Doc;
  serialize(doc: Doc, originalText: string): string;
}

export const jsonCodec: DocCodec = {
  parse(text, file) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new AppError(
        'INVALID_FILE',
        `${file} is not valid JSON: ${(e as Error).message}.`,
        'Fix the JSON syntax, then run the command again.',
        { file },
      );
    }
    if (!v || typeof v !== 'object' || Array.isArray(v))
      throw new AppError(
        'INVALID_FILE',
        `${file} must hold a JSON object.`,
        'Fix the file, then run the command again.',
        { file },
      );
    return v as Doc;
  },
  serialize: (doc) => JSON.stringify(doc, null, 2) + '\n',
};

/**
 * A kind of versioned file the migrator knows: its chain, how to find the files, and how to read and
 * write them. Register one with `services.history.migrations.register({...})` (see README "Migrations").
 */
export interface MigrationTarget {
  readonly chain: MigrationChain;
  /** Absolute paths of every file of this kind that exists now. */
  files(): ReadonlyArray<string>;
  readonly codec: DocCodec;
  /** Optional final check of a migrated document against the current schema; returns a problem or undefined. */
  validate?(doc: Doc): string | undefined;
}

export interface MigrationRegistry {
  register(target: MigrationTarget): void;
  targets(): ReadonlyArray<MigrationTarget>;
}

export function createMigrationRegistry(): MigrationRegistry {
  const list: MigrationTarget[] = [];
  return {
    register(t) {
      const i = list.findIndex((x) => x.chain.kind === t.chain.kind);
      if (i >= 0) list.splice(i, 1, t);
      else list.push(t);
    },
    targets: () => list,
  };
}

/** A file that needs migrating: what it is now, and what it becomes. */
export interface PendingMigration {
  readonly target: MigrationTarget;
  readonly file: string;
  readonly text: string;
  readonly newText: string;
  readonly outcome: MigrationOutcome;
}

/** Every registered file that is behind its chain (a newer or broken file throws, naming it). */
export function pendingMigrations(registry: MigrationRegistry): PendingMigration[] {
  const out: PendingMigration[] = [];
  for (const target of registry.targets()) {
    for (const file of target.files()) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const outcome = migrateDocument(target.chain, target.codec.parse(text, file), file);
      if (outcome.from === outcome.to) continue;
      const problem = target.validate?.(outcome.doc);
      if (problem)
        throw new AppError(
          'INVALID_FILE',
          `${file}: after migrating to schemaVersion ${outcome.to} it is still invalid: ${problem}.`,
          'Correct the named field by hand, then run `ai-config migrate` again. The file was not changed.',
          { file },
        );
      out.push({ target, file, text, newText: target.codec.serialize(outcome.doc, text), outcome });
    }
  }
  return out;
}

/** The report line of one pending migration. */
export function reportOf(p: PendingMigration, backup?: string): MigratedFile {
  return {
    kind: p.target.chain.kind,
    file: p.file,
    from: p.outcome.from,
    to: p.outcome.to,
    changes: p.outcome.changes,
    ...(backup ? { backup } : {}),
  };
}

/** Where the pre-migration copy of a file goes. */
export function backupPathFor(backupsDir: string, p: PendingMigration, stamp: string): string {
  return path.join(backupsDir, 'migrations', stamp, p.target.chain.kind, `${path.basename(p.file)}.v${p.outcome.from}`);
}
