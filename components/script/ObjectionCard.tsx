// One objection ("Дорого", "Я подумаю"…) with its ready answers, numbered so a digit picks one;
// the answer used on this call is marked, and "handled" records that the subscriber moved on.
// The console's live preview renders the same component (without the callbacks: read-only).
import type { VariableValues } from '@/lib/content/variables';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { ObjectionUse } from '@/lib/schema/call';
import type { Objection } from '@/lib/schema/content';
import { RichText } from '../RichText';

interface Props {
  objection: Objection;
  values: VariableValues;
  used?: ObjectionUse | null;
  onAnswer?: (answerId: string) => void;
  onHandled?: () => void;
}

export function ObjectionCard({ objection, values, used = null, onAnswer, onHandled }: Props) {
  const { t } = usePanelI18n();
  return (
    <article class="card" data-testid="objection-card" data-objection-id={objection.id}>
      <h3 class="card__title">{objection.title}</h3>
      <ol class="answers">
        {objection.answers.map((answer, i) => (
          <li
            key={answer.id}
            class={used?.answerId === answer.id ? 'answer answer--used' : 'answer'}
            data-answer-id={answer.id}
          >
            <button
              type="button"
              class="answer__key"
              disabled={!onAnswer}
              aria-pressed={used?.answerId === answer.id}
              onClick={() => onAnswer?.(answer.id)}
            >
              {i + 1}
            </button>
            <div class="card__text rt">
              <RichText text={answer.text} values={values} />
            </div>
          </li>
        ))}
      </ol>
      {onHandled && (
        <button
          type="button"
          class="chip"
          data-testid="objection-handled"
          aria-pressed={used?.handled ?? false}
          onClick={onHandled}
        >
          {t('handled')}
        </button>
      )}
    </article>
  );
}
