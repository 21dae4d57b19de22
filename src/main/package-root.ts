import fs from 'node:fs';
import path from 'node:path';

/** Walks up from `start` to the folder holding this app's package.json (works from src/ and from dist/). */
export function findPackageRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ai-configurator') return dir;
      } catch {
        // keep walking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Could not find the ai-configurator package above ${start}`);
    dir = up;
  }
}
