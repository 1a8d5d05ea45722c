// Every field of one objection: id, what the subscriber says, the call types it belongs to and
// its answers.

import type { DraftProblem } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { CallType } from '../../lib/schema/classifier';
import type { Objection } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';
import { AnswerFields } from './AnswerFields';
import { CallTypePicker } from './CallTypePicker';
import { TextField } from './TextField';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  callTypes: readonly CallType[];
  objection: Objection;
  index: number;
  onChange: (objection: Objection) => void;
  problems: readonly DraftProblem[];
  disabled: boolean;
};

export function ObjectionFields({ t, locale, callTypes, objection, index, onChange, problems, disabled }: Props) {
  const path = ['objections', index] as const;
  return (
    <fieldset class="plain objection-fields" disabled={disabled} data-testid="objection-fields" data-index={index}>
      <div class="row">
        <TextField
          t={t}
          label={t('field.id')}
          hint={t('field.idHint')}
          value={objection.id}
          maxLength={60}
          onChange={(id) => onChange({ ...objection, id })}
          problems={problems}
          path={[...path, 'id']}
          testId="objection-id"
        />
        <TextField
          t={t}
          label={t('field.objectionTitle')}
          value={objection.title}
          maxLength={200}
          onChange={(title) => onChange({ ...objection, title })}
          problems={problems}
          path={[...path, 'title']}
          testId="objection-title"
        />
      </div>
      <CallTypePicker
        t={t}
        locale={locale}
        callTypes={callTypes}
        value={objection.callTypes}
        onChange={(callTypes) => onChange({ ...objection, callTypes })}
        problems={problems}
        path={[...path, 'callTypes']}
      />
      <AnswerFields
        t={t}
        answers={objection.answers}
        onChange={(answers) => onChange({ ...objection, answers })}
        problems={problems}
        path={[...path, 'answers']}
        disabled={disabled}
      />
    </fieldset>
  );
}
