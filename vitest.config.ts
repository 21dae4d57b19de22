import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // No test imports the real Electron: shell modules get the one test double (tests/helpers/electron-double.ts).
    alias: [
      {
        find: /^electron$/,
        replacement: fileURLToPath(new URL('./tests/helpers/electron-double.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn real git, sshd and syncthing; two cores are shared between them.
    maxWorkers: 2,
  },
});
