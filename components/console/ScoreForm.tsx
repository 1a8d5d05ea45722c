// Scoring a finished call: the checklist of the call's own version (R11) in scoring mode, the
// operator's self-check beside each item, the calibration, a comment, and saving through the
// background. The score is sent with that version's id; the server checks it is the call's.
import { useState } from 'preact/hooks';
import { marksFor } from '../../lib/console/calibration';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { CallScore, ContentVersion } from '../../lib/schema/api';
import type { Checklist, ChecklistMark, ChecklistMarks } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';
import type { Notice } from '../options/Notice';
import { ChecklistView } from '../script/ChecklistView';
import { CalibrationView } from './CalibrationView';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { PanelPreview } from './PanelPreview';

const COMMENT_MAX = 1000;

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  callId: string;
  version: ContentVersion;
  checklist: Checklist;
  selfMarks: ChecklistMarks;
  score: CallScore | null;
  onSaved: (score: CallScore) => void;
};

export function ScoreForm({ t, locale, callId, version, checklist, selfMarks, score, onSaved }: Props) {
  const [marks, setMarks] = useState<ChecklistMarks>(() => (score ? { ...score.marks } : {}));
  const [comment, setComment] = useState(score?.comment ?? '');
  const [saved, setSaved] = useState<CallScore | null>(score);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  function mark(itemId: string, value: ChecklistMark | null) {
    setMarks((current) => {
      const next = { ...current };
      if (value === null) delete next[itemId];
      else next[itemId] = value;
      return next;
    });
    setNotice(null);
  }

  async function save() {
    setBusy(true);
    setNotice(null);
    try {
      const stored = await request('console.score', {
        callId,
        checklistVersionId: version.versionId,
        marks: marksFor(checklist, marks),
        comment: comment.trim(),
      });
      setSaved(stored);
      const percent = stored.result.percent.toLocaleString(locale, { maximumFractionDigits: 1 });
      setNotice({ kind: 'ok', text: t(stored.result.passed ? 'score.savedPassed' : 'score.savedFailed', { percent }) });
      onSaved(stored);
    } catch (error) {
      setNotice(consoleErrorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="score-form" data-testid="score-form">
      <p class="hint" data-testid="review-checklist-version" data-version-id={version.versionId}>
        {t('score.version', { title: checklist.title, version: version.version })}
      </p>
      {saved && (
        <p class="hint" data-testid="score-existing">
          {t('score.by', {
            who: saved.scoredBy,
            when: new Date(saved.scoredAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
      )}
      <div class="doc-editor doc-editor--two">
        <PanelPreview locale={locale} title={t('score.checklist')} testId="score-checklist">
          <ChecklistView checklist={checklist} marks={marks} onMark={mark} compare={selfMarks} />
        </PanelPreview>
        <CalibrationView t={t} locale={locale} checklist={checklist} lead={marks} self={selfMarks} />
      </div>
      <label class="field">
        <span class="field-label">{t('score.comment')}</span>
        <textarea
          data-testid="score-comment"
          rows={3}
          maxLength={COMMENT_MAX}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="button" class="primary" data-testid="score-save" disabled={busy} onClick={() => void save()}>
          {saved ? t('score.update') : t('score.save')}
        </button>
      </div>
      <ConsoleNotice notice={notice} />
    </div>
  );
}
