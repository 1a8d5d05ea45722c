// The frame every versioned document's workspace shares: the scope picker, the read-only line, the
// line saying what the draft starts from, the editor (given by the workspace), the outcome line and,
// below, the scope's version history with comparison and restore.
import type { ComponentChildren } from 'preact';
import type { Base } from '../../lib/console/base';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { DocumentKind } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import { BaseNotice } from './BaseNotice';
import { ConsoleNotice } from './ConsoleNotice';
import { DocumentHistory } from './DocumentHistory';
import { ScopePicker } from './ScopePicker';
import type { VersionedDocument } from './use-versioned-document';

type Props<B> = {
  t: ConsoleTranslate;
  locale: Locale;
  kind: DocumentKind;
  doc: VersionedDocument<B>;
  /** The card's class and test id (the content kinds also name their kind on it). */
  card: { class: string; testId: string; kind?: DocumentKind };
  keys: {
    title: ConsoleKey;
    intro: ConsoleKey;
    readOnly: ConsoleKey;
    noScope: ConsoleKey;
    /** How the base line words a start from the organisation, the default or an unreadable version. */
    base: { org: ConsoleKey; default: ConsoleKey; unreadable: ConsoleKey };
  };
  /** Lines of the workspace's own, under the read-only line. */
  notes?: ComponentChildren;
  /** The editor of the loaded base. */
  editor: (base: Base<B>) => ComponentChildren;
};

export function VersionedWorkspace<B>({ t, locale, kind, doc, card, keys, notes, editor }: Props<B>) {
  const { scopes, scope, readOnly, own, base, busy, dirty, notice } = doc;
  if (scopes.length === 0) {
    return (
      <section class="card" data-testid="console-no-scope">
        <p>{t(keys.noScope)}</p>
      </section>
    );
  }
  return (
    <>
      <section class={card.class} data-testid={card.testId} data-kind={card.kind}>
        <h2>{t(keys.title)}</h2>
        <p class="hint">{t(keys.intro)}</p>
        <ScopePicker t={t} scopes={scopes} value={scope} locked={dirty || busy} onChange={doc.pickScope} />
        {readOnly && <p class="notice notice-info">{t(keys.readOnly)}</p>}
        {notes}
        {base === null ? (
          notice === null && <p class="hint">{t('scope.loading')}</p>
        ) : (
          <>
            <BaseNotice t={t} locale={locale} base={base} keys={keys.base} />
            {editor(base)}
          </>
        )}
        <ConsoleNotice notice={notice} />
      </section>
      {own && (
        <DocumentHistory
          t={t}
          locale={locale}
          kind={kind}
          documentId={own.documentId}
          currentVersion={own.current.version}
          readOnly={readOnly}
          busy={busy}
          onRestore={doc.restore}
        />
      )}
    </>
  );
}
