// One script module as the operator reads it: the title, the text with the subscriber's values
// filled in (a value the page did not give is a button that asks for it, never raw braces), the
// "if the subscriber says…" branches and, for a module with an offer, what came of the offer.
// The console's live preview renders the same component.
import type { VariableValues } from '@/lib/content/variables';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { OfferOutcome } from '@/lib/schema/call';
import type { ScriptModule } from '@/lib/schema/content';
import { RichText } from '../RichText';

interface Props {
  module: ScriptModule;
  values: VariableValues;
  outcome?: OfferOutcome | null;
  /** Without it, no outcome buttons (a read-only view). */
  onOutcome?: (outcome: OfferOutcome | null) => void;
  onBranch?: (moduleId: string) => void;
  onAsk?: (name: string) => void;
  onClose?: () => void;
}

const OUTCOMES = {
  offered: 'outcomeOffered',
  accepted: 'outcomeAccepted',
  declined: 'outcomeDeclined',
  objection: 'outcomeObjection',
} as const satisfies Record<OfferOutcome, string>;

export function ModuleCard({ module, values, outcome = null, onOutcome, onBranch, onAsk, onClose }: Props) {
  const { t } = usePanelI18n();
  return (
    <article class="card" data-testid="module-card" data-module-id={module.id}>
      <div class="card__head">
        <h3 class="card__title">{module.title}</h3>
        {onClose && (
          <button type="button" class="icon-button" title={t('close')} aria-label={t('close')} onClick={onClose}>
            {'\u00d7'}
          </button>
        )}
      </div>
      <div class="card__text rt">
        <RichText text={module.text} values={values} onAsk={onAsk} />
      </div>
      {module.branches.length > 0 && (
        <div class="row">
          {module.branches.map((branch) => (
            <button
              key={branch.goto + branch.when}
              type="button"
              class="chip"
              data-goto={branch.goto}
              disabled={!onBranch}
              onClick={() => onBranch?.(branch.goto)}
            >
              {`${branch.when} \u2192`}
            </button>
          ))}
        </div>
      )}
      {module.offer !== 'none' && onOutcome && (
        <div class="row">
          {(Object.keys(OUTCOMES) as OfferOutcome[]).map((value) => (
            <button
              key={value}
              type="button"
              class="chip"
              aria-pressed={outcome === value}
              data-outcome={value}
              onClick={() => onOutcome(outcome === value ? null : value)}
            >
              {t(OUTCOMES[value])}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}
