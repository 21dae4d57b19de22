import Markdown from 'react-markdown';
import type { LibraryFile } from '../../shared/library';

const MAIN_FIELDS = ['title', 'description', 'tags'];

function FieldValue({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    return (
      <span className="chips">
        {value.map((v, i) => (
          <span className="chip" key={i}>
            {typeof v === 'string' ? v : JSON.stringify(v)}
          </span>
        ))}
      </span>
    );
  }
  if (value && typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <span>{String(value)}</span>;
}

/** A file's frontmatter as fields and its body rendered: Markdown as HTML (no raw HTML), JSON as code. */
export function FilePreview({ file }: { file: LibraryFile }) {
  const fm = file.frontmatter;
  const isJson = file.path.endsWith('.json');
  const extra = Object.keys(fm).filter((k) => !MAIN_FIELDS.includes(k));
  const title =
    typeof fm.title === 'string'
      ? fm.title
      : typeof fm.name === 'string'
        ? fm.name
        : (file.path.split('/').pop() ?? file.path);
  // The header already shows the title; drop a leading "# Title" that repeats it.
  const body = file.body.replace(/^\s*#\s+(.+)\r?\n/, (line, heading: string) =>
    heading.trim() === title.trim() ? '' : line,
  );
  return (
    <article className="preview" aria-label="Preview">
      <header className="preview-head">
        <div className="preview-path">
          <span className="badge">{file.source}</span> {file.path}
        </div>
        <h1>{title}</h1>
        {typeof fm.description === 'string' && <p className="description">{fm.description}</p>}
        <dl className="fields" aria-label="Frontmatter">
          {Array.isArray(fm.tags) && (
            <>
              <dt>tags</dt>
              <dd>
                <FieldValue value={fm.tags} />
              </dd>
            </>
          )}
          {!isJson &&
            extra.map((k) => (
              <div className="field" key={k}>
                <dt>{k}</dt>
                <dd>
                  <FieldValue value={fm[k]} />
                </dd>
              </div>
            ))}
        </dl>
        {file.frontmatterError && (
          <p className="warn">
            The frontmatter could not be read: {file.frontmatterError}. Fix the YAML between the two --- lines.
          </p>
        )}
      </header>
      <div className="preview-body">
        {isJson ? (
          <pre className="code">{file.raw}</pre>
        ) : file.path.match(/\.(md|mdc|markdown)$/i) ? (
          <div className="markdown">
            <Markdown skipHtml>{body}</Markdown>
          </div>
        ) : (
          <pre className="code">{file.raw}</pre>
        )}
      </div>
    </article>
  );
}
