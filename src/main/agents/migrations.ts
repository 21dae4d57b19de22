import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { stringify as toYaml } from 'yaml';
import { agentFrontmatterSchema } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import {
  jsonCodec,
  type DocCodec,
  type MigrationChain,
  type MigrationRegistry,
  type MigrationTarget,
} from '../history/migrations';
import { parseFrontmatter, replaceFrontmatterFields } from '../library/frontmatter';
import { formatZodIssues } from '../validation';
import { manifestSchema } from './manifest';

/** Agent files: version 1 is current; later steps go in `migrations`. */
export const agentChain: MigrationChain = { kind: 'agent', current: 1, migrations: [] };
/** `state/installs/manifest.json`. */
export const manifestChain: MigrationChain = { kind: 'install-manifest', current: 1, migrations: [] };

/** An agent file's YAML frontmatter as the document; the prompt (body) is kept as it is on write. */
export const frontmatterCodec: DocCodec = {
  parse(text, file) {
    const md = parseFrontmatter(text);
    if (md.error)
      throw new AppError(
        'INVALID_FILE',
        `${file}: the frontmatter is not valid YAML (${md.error}).`,
        'Fix the YAML between the --- lines, then run the command again.',
        { file },
      );
    return md.frontmatter;
  },
  serialize(doc, originalText) {
    const original = parseFrontmatter(originalText);
    // A file only the tolerant reader could read: rewrite just the keys the migration changed, so every other
    // field (and how it is written) stays exactly as it was.
    if (original.repairs.length) {
      const updates: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(original.frontmatter), ...Object.keys(doc)]))
        if (!isDeepStrictEqual(original.frontmatter[k], doc[k])) updates[k] = doc[k];
      return replaceFrontmatterFields(originalText, updates);
    }
    const { schemaVersion, ...rest } = doc;
    return `---\n${toYaml({ schemaVersion, ...rest }, { lineWidth: 0 })}---\n${original.body}`;
  },
};

/** The agents domain's versioned files, for `ai-config migrate`: personal agent files and the install manifest. */
export function agentMigrationTargets(deps: {
  readonly personalDir: () => string;
  readonly manifestFile: string;
}): MigrationTarget[] {
  const agentFiles = () => {
    const dir = path.join(deps.personalDir(), 'agents');
    try {
      return fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.md'))
        .map((n) => path.join(dir, n));
    } catch {
      return [];
    }
  };
  const check = (r: { success: true } | { success: false; error: Parameters<typeof formatZodIssues>[0] }) =>
    r.success ? undefined : formatZodIssues(r.error);
  return [
    {
      chain: agentChain,
      files: agentFiles,
      codec: frontmatterCodec,
      validate: (doc) => check(agentFrontmatterSchema.safeParse(doc)),
    },
    {
      chain: manifestChain,
      files: () => (fs.existsSync(deps.manifestFile) ? [deps.manifestFile] : []),
      codec: jsonCodec,
      validate: (doc) => check(manifestSchema.safeParse(doc)),
    },
  ];
}

/** Registers them with the history service's migrator. */
export function registerAgentMigrations(
  registry: MigrationRegistry,
  deps: { readonly personalDir: () => string; readonly manifestFile: string },
): void {
  for (const t of agentMigrationTargets(deps)) registry.register(t);
}
