import { expect, test } from '@playwright/test';
import { artifactPath, startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

/** A project folder of mixed tool configs, plus files that are not configs. */
const FOLDER: Record<string, string> = {
  'CLAUDE.md': '# Team memory\n\nRun the tests before you push.\n',
  '.cursor/rules/typescript-style.mdc':
    '---\ndescription: TypeScript style\nglobs: "**/*.ts"\nalwaysApply: false\n---\n\nPrefer readonly.\n',
  '.vscode/mcp.json': JSON.stringify({ servers: { 'drop-docs': { command: 'npx', args: ['-y', 'docs-server'] } } }),
  'README.md': '# Team project\n\nNot a tool config.\n',
  'package.json': JSON.stringify({ name: 'team-project', version: '1.0.0' }),
};

test('drops a folder of mixed configs and sees what became of each file, then imports it', async ({ page }) => {
  app = await startApp();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Agents' }).click();
  await page.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Import' });
  const drop = panel.getByLabel('Drop files to import');
  // A folder drop as the browser gives it: a DataTransfer whose item is a directory entry (webkitGetAsEntry).
  const dataTransfer = await page.evaluateHandle((files) => {
    type Node = { dirs: Map<string, Node>; files: Map<string, string> };
    const tree: Node = { dirs: new Map(), files: new Map() };
    for (const [rel, text] of Object.entries(files)) {
      const parts = rel.split('/');
      let at = tree;
      for (const p of parts.slice(0, -1)) {
        if (!at.dirs.has(p)) at.dirs.set(p, { dirs: new Map(), files: new Map() });
        at = at.dirs.get(p)!;
      }
      at.files.set(parts[parts.length - 1]!, text);
    }
    const dirEntry = (name: string, fullPath: string, node: Node): unknown => {
      const children = [
        ...[...node.dirs].map(([n, sub]) => dirEntry(n, `${fullPath}/${n}`, sub)),
        ...[...node.files].map(([n, text]) => ({
          isFile: true,
          isDirectory: false,
          name: n,
          fullPath: `${fullPath}/${n}`,
          file: (ok: (f: File) => void) => ok(new File([text], n)),
        })),
      ];
      return {
        isFile: false,
        isDirectory: true,
        name,
        fullPath,
        createReader: () => {
          let given = false;
          // Like Chromium: entries in a batch, then an empty batch.
          return { readEntries: (ok: (e: unknown[]) => void) => ok(given ? [] : ((given = true), children)) };
        },
      };
    };
    const root = dirEntry('team-project', '/team-project', tree);
    const dt = new DataTransfer();
    const item = { kind: 'file', type: '', webkitGetAsEntry: () => root, getAsFile: () => null };
    Object.defineProperty(dt, 'items', { value: [item] });
    return dt;
  }, FOLDER);
  await drop.dispatchEvent('drop', { dataTransfer });

  const preview = panel.getByLabel('Import preview');
  const report = preview.getByRole('list', { name: 'Files looked at' });
  await expect(report.getByRole('listitem')).toHaveCount(5);
  const line = (from: string) => report.getByRole('listitem', { name: from, exact: true });
  await expect(line('.cursor/rules/typescript-style.mdc')).toContainText('imported');
  await expect(line('.cursor/rules/typescript-style.mdc')).toContainText('rules/typescript-style.md');
  // The rule installs back through one agent for the tool it came from.
  await expect(line('.cursor/rules/typescript-style.mdc')).toContainText('agents/dropped-cursor.md');
  await expect(line('.vscode/mcp.json')).toContainText('imported');
  await expect(line('.vscode/mcp.json')).toContainText('mcp-servers/drop-docs.json');
  await expect(line('CLAUDE.md')).toContainText('imported');
  await expect(line('README.md')).toContainText('skipped');
  await expect(line('README.md')).toContainText('not a tool configuration');
  await expect(line('package.json')).toContainText('skipped');
  await page.screenshot({ path: artifactPath('import-drop.png'), fullPage: true });

  const button = preview.getByRole('button', { name: /^Import \d+ file\(s\)$/ });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(panel.getByRole('status')).toContainText(/Imported [1-9]\d* file\(s\)/);
  const agents = page.getByRole('list', { name: 'Agents' });
  await expect(agents.getByRole('button', { name: /dropped-cursor/ })).toBeVisible();
});
