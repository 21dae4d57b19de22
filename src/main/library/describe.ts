import path from 'node:path';
import { parseFrontmatter, stringField, tagsField } from './frontmatter';

export interface FileMeta {
  readonly title: string;
  readonly description: string;
  readonly tags: string[];
  readonly frontmatter: Record<string, unknown>;
  readonly body: string;
  readonly error?: string;
}

/**
 * Title, description and tags of a library file: Markdown frontmatter, or the top-level fields of a JSON/YAML
 * definition.
 */
export function describeFile(relPath: string, text: string): FileMeta {
  const fallbackTitle = path.posix.basename(relPath).replace(/\.[^.]+$/, '');
  if (/\.json$/i.test(relPath)) {
    try {
      const data: unknown = JSON.parse(text);
      const fm = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
      return {
        title: stringField(fm, 'title') || stringField(fm, 'name') || fallbackTitle,
        description: stringField(fm, 'description'),
        tags: tagsField(fm),
        frontmatter: fm,
        body: text,
      };
    } catch (e) {
      return {
        title: fallbackTitle,
        description: '',
        tags: [],
        frontmatter: {},
        body: text,
        error: `invalid JSON: ${(e as Error).message}`,
      };
    }
  }
  if (/\.(md|mdc|markdown)$/i.test(relPath)) {
    const p = parseFrontmatter(text);
    const fm = p.frontmatter;
    const heading = /^#\s+(.+)$/m.exec(p.body)?.[1]?.trim();
    return {
      title: stringField(fm, 'title') || stringField(fm, 'name') || heading || fallbackTitle,
      description: stringField(fm, 'description'),
      tags: tagsField(fm),
      frontmatter: fm,
      body: p.body,
      ...(p.error ? { error: p.error } : {}),
    };
  }
  return { title: fallbackTitle, description: '', tags: [], frontmatter: {}, body: text };
}
