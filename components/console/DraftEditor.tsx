// One content document's draft, kept in memory while the author edits: the kind's editor (with its
// live preview), the draft's problems, and the publish bar. The draft is validated with the kind's
// schema on every change; only a body that parses is ever handed to `onPublish`.
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ContentBodies, type ContentKind, readContent } from '../../lib/console/documents';
import { isChanged } from '../../lib/console/list-edit';
import { draftProblems } from '../../lib/console/problems';
import type { EditorContext, EditorProps } from './editor-props';
import { ProblemList } from './ProblemList';
import { PublishBar } from './PublishBar';

type Props<K extends ContentKind> = {
  kind: K;
  ctx: EditorContext;
  base: ContentBodies[K];
  isNew: boolean;
  readOnly: boolean;
  busy: boolean;
  Editor: ComponentType<EditorProps<ContentBodies[K]>>;
  onDirty: (dirty: boolean) => void;
  onPublish: (body: ContentBodies[K], note: string) => Promise<boolean>;
};

export function DraftEditor<K extends ContentKind>({
  kind,
  ctx,
  base,
  isNew,
  readOnly,
  busy,
  Editor,
  onDirty,
  onPublish,
}: Props<K>) {
  const [draft, setDraft] = useState<ContentBodies[K]>(base);
  const problems = useMemo(() => draftProblems(kind, draft), [kind, draft]);
  const dirty = !readOnly && isChanged(draft, base);
  useEffect(() => onDirty(dirty), [dirty]);

  async function publish(note: string): Promise<boolean> {
    // Never trust the button's state alone: parse the exact body that is sent.
    const parsed = readContent(kind, draft);
    if (!parsed.ok || draftProblems(kind, parsed.value).length > 0) return false;
    return onPublish(parsed.value, note);
  }

  return (
    <div
      class="draft"
      data-testid="console-draft"
      data-kind={kind}
      data-read-only={readOnly ? 'true' : 'false'}
      data-valid={problems.length === 0 ? 'true' : 'false'}
    >
      <Editor ctx={ctx} value={draft} onChange={setDraft} problems={problems} readOnly={readOnly || busy} />
      {!readOnly && (
        <>
          <ProblemList t={ctx.t} problems={problems} />
          <PublishBar
            t={ctx.t}
            dirty={dirty}
            isNew={isNew}
            valid={problems.length === 0}
            busy={busy}
            onDiscard={() => setDraft(base)}
            onPublish={publish}
          />
        </>
      )}
    </div>
  );
}
