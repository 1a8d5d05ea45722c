// One content document's draft, kept in memory while the author edits: the kind's editor (with its
// live preview), the draft's problems, and the publish bar. The draft is validated with the kind's
// schema on every change; only a body that parses is ever handed to `onPublish`.
import type { ComponentType } from 'preact';
import { type ContentBodies, type ContentKind, readContent } from '../../lib/console/documents';
import { draftProblems } from '../../lib/console/problems';
import { DraftFrame } from './DraftFrame';
import type { EditorContext, EditorProps } from './editor-props';
import { ProblemList } from './ProblemList';
import { useDraft } from './use-draft';

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
  const draft = useDraft({
    base,
    readOnly,
    key: kind,
    problemsOf: (body: ContentBodies[K]) => draftProblems(kind, body),
    parse: (body) => {
      const parsed = readContent(kind, body);
      return parsed.ok ? parsed.value : null;
    },
    onDirty,
    onPublish,
  });
  return (
    <DraftFrame
      t={ctx.t}
      kind={kind}
      readOnly={readOnly}
      busy={busy}
      isNew={isNew}
      problemList={<ProblemList t={ctx.t} problems={draft.problems} />}
      {...draft.frame}
    >
      <Editor ctx={ctx} {...draft.editor} readOnly={readOnly || busy} />
    </DraftFrame>
  );
}
