// A child process that runs many CLI commands in a row, in-process (the real `runCli`: parsing, router,
// workspace lock, services), without paying node's start-up for each. Usage: node driver.mjs COMMANDS.json
// where the file holds an array of argv arrays; prints one JSON array of exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/main';

const file = process.argv[2]!;
const commands = JSON.parse(fs.readFileSync(file, 'utf8')) as string[][];
const quiet = { out: () => undefined, err: (t: string) => void process.stderr.write(t), isTty: false };
const codes: number[] = [];
for (const argv of commands)
  codes.push(await runCli(argv, { version: '0.0.0-test', packageRoot: path.resolve(process.cwd()), io: quiet }));
process.stdout.write(JSON.stringify(codes) + '\n');
