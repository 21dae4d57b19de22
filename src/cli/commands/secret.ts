import type { Command } from 'commander';
import { checkSecretName } from '../../main/secrets/names';
import type { CommandRunner } from '../command';
import { UsageError } from '../output';
import { readPipedStdin, readSecretLine } from '../prompt';

const NO_VALUE =
  'No value: pipe it in (`printf %s "$TOKEN" | ai-config secret set NAME`), run it in a terminal to be asked, ' +
  'or pass --from-env VAR.';

/** The value from --from-env, else stdin when piped, else a hidden prompt; never from the command line. */
async function readValue(name: string, fromEnv: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  if (fromEnv !== undefined) {
    const v = env[fromEnv];
    if (!v) throw new UsageError(`--from-env ${fromEnv}: that environment variable is not set or is empty.`);
    return v;
  }
  const value = process.stdin.isTTY ? await readSecretLine(`Value for ${name} (not shown): `) : await readPipedStdin();
  if (!value) throw new UsageError(NO_VALUE);
  return value;
}

const when = (iso: string | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : 'unknown');

/** `ai-config secret set|list|remove`: the encrypted store `${NAME}` placeholders in agent files resolve from. */
export function registerSecret(program: Command, run: CommandRunner, env: NodeJS.ProcessEnv): void {
  const secret = program
    .command('secret')
    .description('Manage the encrypted secrets that ${NAME} placeholders in agents and MCP servers resolve from.');

  secret
    .command('set')
    .description('Store a secret: the value is read from standard input (hidden on a terminal), never from argv.')
    .argument('<name>', 'the placeholder name, e.g. GITHUB_TOKEN for ${GITHUB_TOKEN}')
    .option('--from-env <VAR>', 'take the value from this environment variable instead')
    .option('--json', 'print the result as JSON')
    .action((name: string, opts: { fromEnv?: string; json?: boolean }) =>
      run('secret set', opts, async (ctx) => {
        checkSecretName(name);
        const value = await readValue(name, opts.fromEnv, env);
        const r = await ctx.call('secrets:set', { name, value });
        if (ctx.flags.json) return r;
        ctx.io.out(`${r.replaced ? 'Replaced' : 'Saved'} the secret ${r.name}. Install agents again to use it.\n`);
        return undefined;
      }),
    );

  secret
    .command('list')
    .description('List the secrets by name and when each was set (values are never shown).')
    .option('--json', 'print the list as JSON')
    .action((opts: { json?: boolean }) =>
      run('secret list', opts, async (ctx) => {
        const { secrets } = await ctx.call('secrets:list', {});
        if (ctx.flags.json) return secrets;
        if (!secrets.length) ctx.io.out('No secrets yet. Add one with `ai-config secret set NAME`.\n');
        for (const s of secrets) ctx.io.out(`${s.name.padEnd(32)} set ${when(s.setAt)}\n`);
        return undefined;
      }),
    );

  secret
    .command('remove')
    .description('Remove a secret from the store.')
    .argument('<name>')
    .option('--json', 'print the result as JSON')
    .action((name: string, opts: { json?: boolean }) =>
      run('secret remove', opts, async (ctx) => {
        const r = await ctx.call('secrets:remove', { name });
        if (ctx.flags.json) return r;
        ctx.io.out(r.removed ? `Removed the secret ${r.name}.\n` : `There was no secret ${r.name}; nothing changed.\n`);
        return undefined;
      }),
    );
}
