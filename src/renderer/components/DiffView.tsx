import { useEffect, useRef } from 'react';
import { MergeView } from '@codemirror/merge';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { markdown } from '@codemirror/lang-markdown';
import { json } from '@codemirror/lang-json';
import type { FileDiff } from '../../shared/ipc/channels/history';

function languageFor(path: string): Extension[] {
  if (/\.(md|mdc|markdown)$/i.test(path)) return [markdown()];
  if (/\.(json|jsonc)$/i.test(path)) return [json()];
  return [];
}

/** Two versions of one file side by side, with syntax highlighting and the changed lines marked. */
export function DiffView({
  file,
  labels = ['Before', 'After'],
}: {
  file: FileDiff;
  labels?: readonly [string, string];
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || file.binary) return;
    const common = [
      lineNumbers(),
      EditorView.editable.of(false),
      EditorState.readOnly.of(true),
      EditorView.lineWrapping,
      syntaxHighlighting(defaultHighlightStyle),
      ...languageFor(file.path),
    ];
    const view = new MergeView({
      a: { doc: file.before, extensions: common },
      b: { doc: file.after, extensions: common },
      parent: host.current,
      gutter: true,
      highlightChanges: true,
    });
    return () => view.destroy();
  }, [file]);
  if (file.binary) return <p className="muted pad">{file.path} is a binary file; its contents are not shown.</p>;
  return (
    <div className="diff-view" aria-label={`Diff of ${file.path}`}>
      <div className="diff-heads">
        <span>
          {labels[0]}
          {file.status === 'added' ? ' (did not exist)' : ''}
        </span>
        <span>
          {labels[1]}
          {file.status === 'deleted' ? ' (deleted)' : ''}
        </span>
      </div>
      {file.truncated && <p className="muted pad">The file is large; only its start is shown.</p>}
      <div ref={host} />
    </div>
  );
}
