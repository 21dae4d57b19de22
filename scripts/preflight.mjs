// The programs the tests need, checked before any suite runs (`npm test`), each found the way the tests find it:
// git on PATH (2.30 or newer), git-http-backend in `git --exec-path`, Chromium at CHROMIUM_PATH or /usr/bin/chromium
// (playwright.config.ts, bench/ui.ts), sshd at /usr/sbin/sshd and ssh-keygen on PATH (tests/helpers/servers/sshd.ts),
// syncthing at SYNCTHING_BINARY or on PATH (tests/helpers/servers/syncthing.ts), rg on PATH (scripts/bench.mjs), and
// xvfb-run where test-all.mjs would need it for the Electron specs.
// Run directly: `node scripts/preflight.mjs` prints one line per missing program and exits 1;
// `--json` prints every check.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The command that installs every test dependency (Debian and Ubuntu). */
export const INSTALL_ALL = 'sudo ./scripts/install-test-deps.sh';

const MIN_GIT = [2, 30];

/** True when `file` is an executable regular file (through symlinks). */
function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where `name` resolves on `env.PATH` (as the shell's `command -v` would), or undefined; a path is taken as given. */
export function which(name, env) {
  if (name.includes('/')) return isExecutable(name) ? name : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/** `git --version` parsed to [major, minor], or undefined when it prints something else. */
export function parseGitVersion(text) {
  const m = /git version (\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function runText(file, args, env) {
  const r = spawnSync(file, args, { encoding: 'utf8', env, timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const found = (program, path, pkg, detail) => ({
  program,
  path,
  package: pkg,
  ok: true,
  ...(detail ? { detail } : {}),
});
const absent = (program, path, pkg, problem) => ({ program, path, package: pkg, ok: false, problem });

function checkGit(env) {
  const git = which('git', env);
  if (!git) return [absent('git', 'git', 'git', 'not found on PATH')];
  const out = runText(git, ['--version'], env) ?? '';
  const v = parseGitVersion(out);
  const checks = [];
  if (!v) checks.push(absent('git', git, 'git', `"git --version" printed "${out.slice(0, 80)}", not a Git version`));
  else if (v[0] < MIN_GIT[0] || (v[0] === MIN_GIT[0] && v[1] < MIN_GIT[1]))
    checks.push(absent('git', git, 'git', `Git ${v[0]}.${v[1]} is too old (2.30 or newer is needed)`));
  else checks.push(found('git', git, 'git', `${v[0]}.${v[1]}`));
  const execPath = runText(git, ['--exec-path'], env);
  const backend = execPath ? join(execPath, 'git-http-backend') : 'git-http-backend';
  checks.push(
    execPath && isExecutable(backend)
      ? found('git-http-backend', backend, 'git')
      : absent('git-http-backend', backend, 'git', `not found in git --exec-path (${execPath ?? 'unknown'})`),
  );
  return checks;
}

function checkFile(program, file, pkg, why) {
  return isExecutable(file) ? found(program, file, pkg) : absent(program, file, pkg, why);
}

function checkOnPath(program, name, pkg, env) {
  const file = which(name, env);
  return file
    ? found(program, file, pkg)
    : absent(program, name, pkg, name.includes('/') ? 'not an executable file' : 'not found on PATH');
}

/** Whether test-all.mjs runs the e2e suite under xvfb-run (Linux, no display, an Electron binary installed). */
function needsXvfb(env, platform, root) {
  return platform === 'linux' && !env.DISPLAY && existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
}

/** Every check, in order; each says what was looked for (`path`), whether it is there, and why not. */
export function preflight({ env = process.env, platform = process.platform, root = defaultRoot() } = {}) {
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const checks = [
    ...checkGit(env),
    checkFile(
      'chromium',
      chromium,
      'chromium',
      env.CHROMIUM_PATH ? 'CHROMIUM_PATH is not an executable file' : 'not installed (the e2e specs launch it)',
    ),
    checkFile('sshd', '/usr/sbin/sshd', 'openssh-server', 'not installed (the SSH remote tests start it)'),
    checkOnPath('ssh-keygen', 'ssh-keygen', 'openssh-server', env),
    checkOnPath('syncthing', env.SYNCTHING_BINARY ?? 'syncthing', 'syncthing', env),
    checkOnPath('rg', 'rg', 'ripgrep', env),
  ];
  if (needsXvfb(env, platform, root)) checks.push(checkOnPath('xvfb-run', 'xvfb-run', 'xvfb', env));
  return checks;
}

/** One line for a missing program: what, where it was looked for, why, and the commands that install it. */
export function describeMissing(c) {
  const where = c.path === c.program ? '' : ` at ${c.path}`;
  return `missing: ${c.program}${where}: ${c.problem}. Install: ${INSTALL_ALL}  (or: apt-get install -y ${c.package})`;
}

function defaultRoot() {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const checks = preflight();
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(checks, null, 2) + '\n');
  else for (const c of checks.filter((x) => !x.ok)) process.stdout.write(describeMissing(c) + '\n');
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}
