// One plan draft, kept in memory while the lead edits: the editor, the draft's problems and the
// publish bar. The draft is validated on every change; only a body that parses as a plan and has
// no problem is ever handed to `onPublish`.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { isChanged } from '../../../lib/console/list-edit';
import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import { planProblems } from '../../../lib/console/plan-problems';
import { PlanDocument } from '../../../lib/schema/plan';
import { ProblemList } from '../ProblemList';
import { PublishBar } from '../PublishBar';
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
  const [draft, setDraft] = useState<PlanDocument>(base);
  const problems = useMemo(() => planProblems(draft), [draft]);
  const dirty = !readOnly && isChanged(draft, base);
  useEffect(() => onDirty(dirty), [dirty]);

  async function publish(note: string): Promise<boolean> {
    // Never trust the button's state alone: parse the exact body that is sent.
    const parsed = PlanDocument.safeParse(draft);
    if (!parsed.success || planProblems(parsed.data).length > 0) return false;
    return onPublish(parsed.data, note);
  }

  return (
    <div
      class="draft"
      data-testid="console-draft"
      data-kind="plan"
      data-read-only={readOnly ? 'true' : 'false'}
      data-valid={problems.length === 0 ? 'true' : 'false'}
    >
      <PlanEditor ctx={ctx} value={draft} onChange={setDraft} problems={problems} readOnly={readOnly || busy} />
      {!readOnly && (
        <>
          <ProblemList t={ctx.t} problems={problems} words={PLAN_WORDS} />
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
