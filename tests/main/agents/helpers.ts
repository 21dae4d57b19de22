import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../../src/main/observability/logger';
import { createServices, type Services } from '../../../src/main/services';
import { ASSETS_DIR, testContext } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

export interface AgentFixture {
  readonly services: Services;
  /** The fake user home (HOME) every user-scope tool file goes under. */
  readonly userHome: string;
  readonly project: string;
  readonly personal: string;
}

/** An initialised workspace on temp dirs, with HOME pointing at a temp user home. */
export async function agentFixture(env: NodeJS.ProcessEnv = {}): Promise<AgentFixture> {
  const root = tempDir('aicfg-agents-');
  const userHome = path.join(root, 'home');
  const project = path.join(root, 'project');
  fs.mkdirSync(userHome, { recursive: true });
  fs.mkdirSync(project, { recursive: true });
  const services = createServices({
    home: path.join(root, 'cfg'),
    assetsDir: ASSETS_DIR,
    version: '0.0.0-test',
    host: 'test',
    logger: createLogger({ level: 'error' }),
    env: { PATH: process.env.PATH, HOME: userHome, ...env },
  });
  await services.init({}, testContext());
  return { services, userHome, project, personal: services.personalDir() };
}

/** Writes a personal agent file. */
export function writeAgent(personal: string, name: string, fm: string, body = 'You help.\n'): void {
  fs.mkdirSync(path.join(personal, 'agents'), { recursive: true });
  fs.writeFileSync(
    path.join(personal, 'agents', `${name}.md`),
    `---\nschemaVersion: 1\nname: ${name}\n${fm}\n---\n\n${body}`,
  );
}

export function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export const ctx = testContext;

/** Writes files (relative path -> text) under root. */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}
