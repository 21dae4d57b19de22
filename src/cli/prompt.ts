import readline from 'node:readline';

/** Reads one line from standard input without echoing it on a terminal (for tokens). */
export async function readSecretLine(question: string): Promise<string> {
  const tty = !!process.stdin.isTTY;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: tty });
  if (tty) {
    process.stderr.write(question);
    // Swallow the echo of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  try {
    const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
    if (tty) process.stderr.write('\n');
    return line.trim();
  } finally {
    rl.close();
  }
}

/** All of standard input when it is piped (a secret's value), without the one line ending `echo` adds. */
export async function readPipedStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
