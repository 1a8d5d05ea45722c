// One plan draft, kept in memory while the lead edits: the editor, the draft's problems and the
// publish bar. The draft is validated on every change; only a body that parses as a plan and has
// no problem is ever handed to `onPublish`.
import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import { planProblems } from '../../../lib/console/plan-problems';
import { PlanDocument } from '../../../lib/schema/plan';
import { DraftFrame } from '../DraftFrame';
import { ProblemList } from '../ProblemList';
import { useDraft } from '../use-draft';
import { PlanEditor } from './PlanEditor';
import type { PlanContext } from './plan-props';

type Props = {
  ctx: PlanContext;
  base: PlanDocument;
  isNew: boolean;
  readOnly: boolean;
  busy: boolean;
  onDirty: (dirty: boolean) => void;
  onPublish: (body: PlanDocument, note: string) => Promise<boolean>;
};

export function PlanDraft({ ctx, base, isNew, readOnly, busy, onDirty, onPublish }: Props) {
  const draft = useDraft({
    base,
    readOnly,
    key: 'plan',
    problemsOf: planProblems,
    parse: (body: PlanDocument) => {
      const parsed = PlanDocument.safeParse(body);
      return parsed.success ? parsed.data : null;
    },
    onDirty,
    onPublish,
  });
  return (
    <DraftFrame
      t={ctx.t}
      kind="plan"
      readOnly={readOnly}
      busy={busy}
      isNew={isNew}
      problemList={<ProblemList t={ctx.t} problems={draft.problems} words={PLAN_WORDS} />}
      {...draft.frame}
    >
      <PlanEditor ctx={ctx} {...draft.editor} readOnly={readOnly || busy} />
    </DraftFrame>
  );
}
