import { z } from 'zod';
import { channel } from '../define';
import { absolutePathSchema } from '../../file-path';
import {
  agentNameSchema,
  driftChoiceSchema,
  scopeSchema,
  toolIdSchema,
  type AgentDetail,
  type AgentSummary,
  type InstallPlan,
  type InstallResult,
  type ImportResult,
  type InstallStatus,
} from '../../agents';
import { lintOverridesSchema, type LintReport } from '../../lint';
import type { ToolInfo } from '../../tools';

/** A dropped file's name: relative to the dropped folder, "/" separators; no "..", no absolute path, no NUL. */
const droppedName = z
  .string()
  .min(1)
  .max(1024)
  .refine((n) => !n.includes('\0'), 'a file name may not contain NUL')
  .refine((n) => !/^([\\/]|[A-Za-z]:)/.test(n), 'a dropped file name must be relative, not absolute')
  .refine((n) => !n.split(/[\\/]/).includes('..'), 'a dropped file name may not contain ".."');

const installRequest = z
  .object({
    name: agentNameSchema,
    tool: toolIdSchema,
    scope: scopeSchema.default('project'),
    /** Absolute project folder (project scope). */
    project: absolutePathSchema.optional(),
    dryRun: z.boolean().optional(),
    onDrift: driftChoiceSchema.optional(),
    resolutions: z.record(z.string(), driftChoiceSchema).optional(),
    /** Absolute paths of tool-file symlinks to follow this time (CLI `--follow-symlink`); all others are refused. */
    followSymlinks: z.array(z.string().min(1).max(4096)).max(100).optional(),
    /** Project scope: also write the tool's user-level files (CLI `--allow-user-files`, the app's confirmation). */
    allowUserFiles: z.boolean().optional(),
  })
  .strict();

export const agentsChannels = {
  'agents:list': channel<{ readonly agents: ReadonlyArray<AgentSummary> }>()(z.object({}).strict()),
  'agents:show': channel<AgentDetail>()(z.object({ name: agentNameSchema }).strict()),
  'agents:create': channel<{ readonly path: string; readonly created: boolean }>()(
    z
      .object({
        name: agentNameSchema,
        title: z.string().max(200).optional(),
        description: z.string().max(2000).optional(),
        tags: z.array(z.string().max(64)).max(100).optional(),
        prompt: z.string().max(1_000_000).optional(),
        resources: z.array(z.string().min(1).max(1024)).max(10_000).optional(),
        mcpServers: z.array(agentNameSchema).max(200).optional(),
        from: z.string().max(2_000_000).optional(),
        overwrite: z.boolean().optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'agents:plan': channel<InstallPlan>()(
    installRequest.extend({ operation: z.enum(['install', 'uninstall']).default('install') }).strict(),
  ),
  'agents:install': channel<InstallResult>()(installRequest, { mutates: true }),
  'agents:uninstall': channel<InstallResult>()(installRequest, { mutates: true }),
  /** One agent into several tools (or scopes) as one operation: one lock, one library walk. */
  'agents:installMany': channel<{ readonly results: ReadonlyArray<InstallResult> }>()(
    z.object({ requests: z.array(installRequest).min(1).max(50) }).strict(),
    { mutates: true },
  ),
  'agents:uninstallMany': channel<{ readonly results: ReadonlyArray<InstallResult> }>()(
    z.object({ requests: z.array(installRequest).min(1).max(50) }).strict(),
    { mutates: true },
  ),
  'agents:import': channel<ImportResult>()(
    z
      .object({
        path: absolutePathSchema.optional(),
        /** A Git repository URL (https://, ssh://, git://, file://, user@host:path) or a local bare repository. */
        url: z.string().min(1).max(2048).optional(),
        files: z
          .array(z.object({ name: droppedName, content: z.string().max(2_000_000) }).strict())
          .max(1000)
          .optional(),
        dryRun: z.boolean().optional(),
      })
      .strict()
      .refine((r) => [r.path, r.url, r.files].filter(Boolean).length === 1, 'give one of path, url or files'),
    { mutates: true },
  ),
  'agents:lint': channel<LintReport>()(
    z.object({ dir: absolutePathSchema, rules: lintOverridesSchema.optional() }).strict(),
  ),
  'agents:status': channel<{ readonly installs: ReadonlyArray<InstallStatus> }>()(z.object({}).strict()),
  /** Every tool target: scopes, surfaces, format, what supersedes it, and whether it is on this machine. */
  'tools:list': channel<{ readonly tools: ReadonlyArray<ToolInfo> }>()(z.object({}).strict()),
};
