// What happened on a finished call, as the call recorded it: the modules shown (how long each was
// open and the offer's outcome) and the objections raised (the answer used, handled or not), named
// from the call's own scripts and objections versions.
import { formatDuration } from '../../lib/console/period';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { CallScript } from '../../lib/schema/call';
import type { ObjectionSet, ScriptSet } from '../../lib/schema/content';

type Props = {
  t: ConsoleTranslate;
  script: CallScript;
  scripts: ScriptSet | null;
  objections: ObjectionSet | null;
};

export function CallActivity({ t, script, scripts, objections }: Props) {
  const moduleTitle = (id: string) => scripts?.modules.find((m) => m.id === id)?.title ?? id;
  const objection = (id: string) => objections?.objections.find((o) => o.id === id);
  return (
    <div class="call-activity" data-testid="call-activity">
      <h3>{t('review.modules')}</h3>
      {script.modules.length === 0 ? (
        <p class="hint">{t('review.noModules')}</p>
      ) : (
        <table class="activity">
          <thead>
            <tr>
              <th scope="col">{t('review.colModule')}</th>
              <th scope="col">{t('review.colOpen')}</th>
              <th scope="col">{t('review.colOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {script.modules.map((use) => (
              <tr key={use.moduleId} data-testid="review-module" data-module={use.moduleId}>
                <td>{moduleTitle(use.moduleId)}</td>
                <td class="num">{formatDuration(use.openMs)}</td>
                <td>{use.outcome ? t(`outcome.${use.outcome}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('review.objections')}</h3>
      {script.objections.length === 0 ? (
        <p class="hint">{t('review.noObjections')}</p>
      ) : (
        <table class="activity">
          <thead>
            <tr>
              <th scope="col">{t('review.colObjection')}</th>
              <th scope="col">{t('review.colAnswer')}</th>
              <th scope="col">{t('review.colHandled')}</th>
            </tr>
          </thead>
          <tbody>
            {script.objections.map((use, index) => {
              const found = objection(use.objectionId);
              const answerIndex = found?.answers.findIndex((a) => a.id === use.answerId) ?? -1;
              return (
                <tr key={`${use.objectionId}:${index}`} data-testid="review-objection" data-objection={use.objectionId}>
                  <td>{found?.title ?? use.objectionId}</td>
                  <td>
                    {use.answerId === null
                      ? '—'
                      : answerIndex >= 0
                        ? t('answers.number', { n: answerIndex + 1 })
                        : use.answerId}
                  </td>
                  <td>{use.handled ? t('common.yes') : t('common.no')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
