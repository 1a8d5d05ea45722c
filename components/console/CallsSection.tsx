// The console's calls section: the list of a period's calls, and one call's review in its place
// when opened (the list keeps its period and filter while a review is open).
import { useState } from 'preact/hooks';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { Locale } from '../../lib/schema/primitives';
import { CallReview } from './CallReview';
import { CallsList } from './CallsList';
import { useLabels } from './use-labels';

type Props = { t: ConsoleTranslate; locale: Locale };

export function CallsSection({ t, locale }: Props) {
  const labels = useLabels(locale);
  const [open, setOpen] = useState<string | null>(null);
  // A saved score changes the list's "scored" column: the list asks again.
  const [refresh, setRefresh] = useState(0);
  return (
    <>
      <div hidden={open !== null}>
        <CallsList refresh={refresh} t={t} locale={locale} callTypes={labels.callTypes} onOpen={setOpen} />
      </div>
      {open !== null && (
        <CallReview
          t={t}
          locale={locale}
          callId={open}
          callTypes={labels.callTypes}
          onBack={() => setOpen(null)}
          onScored={() => setRefresh((n) => n + 1)}
        />
      )}
    </>
  );
}
