// What "test these selectors" found on a page: per selector how many elements matched (or why the
// selector is invalid) and the value read through it. Every value is page text, shown as text.
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { AdapterReading } from '../../lib/messaging/protocol';
import type { SiteAdapter } from '../../lib/schema/settings';
import { SELECTOR_LABEL, SELECTOR_NAMES, type SelectorName, selectorOf } from './SelectorFields';

type Match = AdapterReading['matches'][string];

type Props = {
  t: OptionsTranslate;
  adapter: SiteAdapter;
  reading: AdapterReading;
};

/**
 * The protocol does not pin the keys of `matches`; accept the field name ("contract"), its path
 * ("fields.contract") or the selector text itself.
 */
function matchKey(matches: AdapterReading['matches'], name: SelectorName, selector: string | undefined) {
  const candidates = [name, `fields.${name}`, ...(selector ? [selector] : [])];
  return candidates.find((key) => Object.hasOwn(matches, key));
}

function matchText(t: OptionsTranslate, match: Match | undefined, configured: boolean): string {
  if (!configured) return t('test.notConfigured');
  if (match === undefined) return t('test.notReported');
  if (typeof match === 'number') return t('test.matchCount', { count: match });
  return t('test.invalidSelector', { message: match.error });
}

function valueText(t: OptionsTranslate, reading: AdapterReading, name: SelectorName): string {
  switch (name) {
    case 'inCall':
      return reading.inCall === null
        ? t('test.nothingRead')
        : reading.inCall
          ? t('test.inCallYes')
          : t('test.inCallNo');
    case 'callerNumber':
      return reading.callerNumber ?? t('test.nothingRead');
    default:
      return reading.subscriber[name] ?? t('test.nothingRead');
  }
}

export function TestResultTable({ t, adapter, reading }: Props) {
  const used = new Set<string>();
  const rows = SELECTOR_NAMES.map((name) => {
    const selector = selectorOf(adapter, name);
    const key = matchKey(reading.matches, name, selector);
    if (key !== undefined) used.add(key);
    return {
      name,
      selector: selector ?? '',
      match: matchText(t, key === undefined ? undefined : reading.matches[key], selector !== undefined),
      value: valueText(t, reading, name),
    };
  });
  const extra = Object.entries(reading.matches).filter(([key]) => !used.has(key));

  return (
    <div class="table-wrap">
      <table class="test-result">
        <caption>{t('test.resultCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('test.colField')}</th>
            <th scope="col">{t('test.colSelector')}</th>
            <th scope="col">{t('test.colMatches')}</th>
            <th scope="col">{t('test.colValue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{t(SELECTOR_LABEL[row.name])}</th>
              <td class="code">{row.selector}</td>
              <td>{row.match}</td>
              <td>{row.value}</td>
            </tr>
          ))}
          {extra.map(([key, match]) => (
            <tr key={`extra:${key}`}>
              <th scope="row">{t('test.otherSelector')}</th>
              <td class="code">{key}</td>
              <td>{matchText(t, match, true)}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
