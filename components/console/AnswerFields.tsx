// The answers of one objection: id and text (with variables) per answer, add / move / remove. An
// objection keeps at least one answer.

import { freshId, moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ObjectionAnswer } from '../../lib/schema/content';
import { FieldProblems } from './FieldProblems';
import { RichTextField } from './RichTextField';
import { RowActions } from './RowActions';
import { TextField } from './TextField';

const MAX_ANSWERS = 10;

type Props = {
  t: ConsoleTranslate;
  answers: readonly ObjectionAnswer[];
  onChange: (answers: ObjectionAnswer[]) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
};

export function AnswerFields({ t, answers, onChange, problems, path, disabled }: Props) {
  return (
    <fieldset class="answers" data-testid="answers">
      <legend>{t('field.answers')}</legend>
      {answers.map((answer, index) => (
        <div key={index} class="answer" data-testid="answer-row">
          <div class="answer__head">
            <strong>{t('answers.number', { n: index + 1 })}</strong>
            <RowActions
              up={{
                label: t('answers.up', { n: index + 1 }),
                disabled: disabled || index === 0,
                onClick: () => onChange(moveItem(answers, index, -1)),
              }}
              down={{
                label: t('answers.down', { n: index + 1 }),
                disabled: disabled || index === answers.length - 1,
                onClick: () => onChange(moveItem(answers, index, 1)),
              }}
              remove={{
                label: t('answers.remove', { n: index + 1 }),
                disabled: disabled || answers.length <= 1,
                onClick: () => onChange(removeAt(answers, index)),
              }}
            />
          </div>
          <TextField
            t={t}
            label={t('field.id')}
            value={answer.id}
            maxLength={60}
            onChange={(id) => onChange(replaceAt(answers, index, { ...answer, id }))}
            problems={problems}
            path={[...path, index, 'id']}
          />
          <RichTextField
            t={t}
            label={t('field.text')}
            value={answer.text}
            rows={4}
            onChange={(text) => onChange(replaceAt(answers, index, { ...answer, text }))}
            problems={problems}
            path={[...path, index, 'text']}
            disabled={disabled}
            testId="answer-text"
          />
        </div>
      ))}
      <button
        type="button"
        data-testid="answer-add"
        disabled={disabled || answers.length >= MAX_ANSWERS}
        onClick={() =>
          onChange([
            ...answers,
            {
              id: freshId(
                'answer',
                answers.map((a) => a.id),
              ),
              text: t('answers.newText'),
            },
          ])
        }
      >
        {t('answers.add')}
      </button>
      <FieldProblems t={t} problems={problems} path={path} />
    </fieldset>
  );
}
