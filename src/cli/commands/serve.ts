import path from 'node:path';
import type { Command } from 'commander';
import { startHistoryBackground } from '../../main/history/background';
import { startHost } from '../../main/host/server';
import { UsageError } from '../output';
import type { CommandRunner } from '../command';

export function registerServe(program: Command, run: CommandRunner, packageRoot: string): void {
  program
    .command('serve')
    .description(
      'Serve the app UI in your browser on 127.0.0.1 (the same UI as the desktop window). Stops with Ctrl+C.',
    )
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--json', 'print {"url", "origin", "port"} as one JSON line')
    .action((opts: { port?: string; json?: boolean }) =>
      run('serve', opts, async (ctx) => {
        const port = opts.port === undefined ? 0 : Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port must be a whole number from 0 to 65535, not "${opts.port}".`);
        const host = await startHost({
          router: ctx.runtime.router,
          events: ctx.runtime.events,
          logger: ctx.runtime.logger,
          staticDir: process.env.AI_CONFIG_RENDERER_DIR ?? path.join(packageRoot, 'dist', 'renderer'),
          port,
        });
        const stopHistory = startHistoryBackground(ctx.runtime.services);
        void ctx.runtime.services.index.watch();
        if (ctx.flags.json) ctx.io.out(JSON.stringify({ url: host.url, origin: host.origin, port: host.port }) + '\n');
        else
          ctx.io.out(
            `AI Configurator is running. Open this URL in your browser (the part after # signs you in for this run ` +
              `and is never sent to a server):\n\n  ${host.url}\n\nPress Ctrl+C to stop.\n`,
          );
        await new Promise<void>((resolve) => {
          const stop = () => {
            stopHistory();
            void host
              .close()
              .then(() => ctx.runtime.services.index.close())
              .then(resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return undefined;
      }),
    );
}
