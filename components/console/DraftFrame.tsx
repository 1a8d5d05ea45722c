// The frame of a draft being edited: the editor, then (unless read-only) the draft's problems and
// the publish bar. Shared by the content kinds' drafts and the plan's.
import type { ComponentChildren } from 'preact';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { PublishBar } from './PublishBar';

type Props = {
  t: ConsoleTranslate;
  kind: string;
  readOnly: boolean;
  busy: boolean;
  isNew: boolean;
  dirty: boolean;
  valid: boolean;
  /** The editor. */
  children: ComponentChildren;
  /** The draft's problems, worded for its kind. */
  problemList: ComponentChildren;
  onDiscard: () => void;
  onPublish: (note: string) => Promise<boolean>;
};

export function DraftFrame({
  t,
  kind,
  readOnly,
  busy,
  isNew,
  dirty,
  valid,
  children,
  problemList,
  onDiscard,
  onPublish,
}: Props) {
  return (
    <div
      class="draft"
      data-testid="console-draft"
      data-kind={kind}
      data-read-only={readOnly ? 'true' : 'false'}
      data-valid={valid ? 'true' : 'false'}
    >
      {children}
      {!readOnly && (
        <>
          {problemList}
          <PublishBar
            t={t}
            dirty={dirty}
            isNew={isNew}
            valid={valid}
            busy={busy}
            onDiscard={onDiscard}
            onPublish={onPublish}
          />
        </>
      )}
    </div>
  );
}
