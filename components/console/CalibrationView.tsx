// Calibration: the lead's score beside the operator's self-check on the same checklist version,
// the gap between them, and every item where they disagree.
import { calibrate } from '../../lib/console/calibration';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ChecklistResult } from '../../lib/schema/api';
import type { Checklist, ChecklistMark, ChecklistMarks } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  checklist: Checklist;
  lead: ChecklistMarks;
  self: ChecklistMarks;
};

function markText(t: ConsoleTranslate, mark: ChecklistMark | null): string {
  return mark === null ? t('mark.none') : t(`mark.${mark}`);
}

function resultText(t: ConsoleTranslate, locale: Locale, result: ChecklistResult): string {
  const percent = result.percent.toLocaleString(locale, { maximumFractionDigits: 1 });
  return t(result.passed ? 'calibration.passed' : 'calibration.failed', { percent });
}

export function CalibrationView({ t, locale, checklist, lead, self }: Props) {
  const result = calibrate(checklist, lead, self);
  const gap = result.gap.toLocaleString(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return (
    <div class="calibration" data-testid="calibration">
      <h3>{t('calibration.title')}</h3>
      <dl class="calibration__scores">
        <div>
          <dt>{t('calibration.lead')}</dt>
          <dd data-testid="calibration-lead" data-percent={result.lead.percent}>
            {resultText(t, locale, result.lead)}
          </dd>
        </div>
        <div>
          <dt>{t('calibration.self')}</dt>
          <dd data-testid="calibration-self" data-percent={result.self.percent}>
            {resultText(t, locale, result.self)}
          </dd>
        </div>
        <div>
          <dt>{t('calibration.gap')}</dt>
          <dd data-testid="calibration-gap" data-gap={result.gap}>
            {t('calibration.points', { gap })}
          </dd>
        </div>
      </dl>
      {result.lead.open.length > 0 && <p class="hint">{t('calibration.open', { count: result.lead.open.length })}</p>}
      {result.disagreements.length === 0 ? (
        <p class="hint" data-testid="calibration-agree">
          {t('calibration.agree')}
        </p>
      ) : (
        <table class="disagreements" data-testid="disagreements">
          <caption>{t('calibration.disagree', { count: result.disagreements.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.colItem')}</th>
              <th scope="col">{t('calibration.colLead')}</th>
              <th scope="col">{t('calibration.colSelf')}</th>
            </tr>
          </thead>
          <tbody>
            {result.disagreements.map((d) => (
              <tr key={d.item.id} data-testid="disagreement" data-item={d.item.id}>
                <td>
                  <span class="hint">{d.sectionTitle} · </span>
                  {d.item.text}
                  {d.item.critical && <span class="badge badge-critical">{t('calibration.critical')}</span>}
                </td>
                <td>{markText(t, d.lead)}</td>
                <td>{markText(t, d.self)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
