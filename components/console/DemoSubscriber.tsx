// Who the previews are filled for: the demo subscriber of the demo CRM page, as the panel would
// read them from the page. Shown as text above each preview.
import { DEMO_SUBSCRIBER } from '../../lib/content/defaults';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

export function DemoSubscriber({ t }: { t: ConsoleTranslate }) {
  return (
    <p class="hint demo-subscriber" data-testid="demo-subscriber">
      {t('preview.subscriber', {
        name: DEMO_SUBSCRIBER.name ?? '—',
        tariff: DEMO_SUBSCRIBER.tariff ?? '—',
        balance: DEMO_SUBSCRIBER.balance ?? '—',
      })}
    </p>
  );
}
