// The six CSS selectors of a site adapter as text inputs, plus the mapping between the adapter's
// shape and a flat draft (empty input = selector not configured).
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import type { SiteAdapter } from '../../lib/schema/settings';

export const SELECTOR_NAMES = ['inCall', 'callerNumber', 'contract', 'name', 'tariff', 'balance'] as const;
export type SelectorName = (typeof SELECTOR_NAMES)[number];
export type SelectorDraft = Record<SelectorName, string>;

const FIELD_NAMES = ['contract', 'name', 'tariff', 'balance'] as const;

export const SELECTOR_LABEL: Record<SelectorName, OptionsKey> = {
  inCall: 'selector.inCall',
  callerNumber: 'selector.callerNumber',
  contract: 'selector.contract',
  name: 'selector.name',
  tariff: 'selector.tariff',
  balance: 'selector.balance',
};

const SELECTOR_HINT: Record<SelectorName, OptionsKey> = {
  inCall: 'selector.inCallHint',
  callerNumber: 'selector.callerNumberHint',
  contract: 'selector.fieldHint',
  name: 'selector.fieldHint',
  tariff: 'selector.fieldHint',
  balance: 'selector.fieldHint',
};

export function selectorOf(adapter: SiteAdapter, name: SelectorName): string | undefined {
  switch (name) {
    case 'inCall':
      return adapter.inCall;
    case 'callerNumber':
      return adapter.callerNumber;
    default:
      return adapter.fields[name];
  }
}

export function draftFromAdapter(adapter: SiteAdapter): SelectorDraft {
  const draft = {} as SelectorDraft;
  for (const name of SELECTOR_NAMES) draft[name] = selectorOf(adapter, name) ?? '';
  return draft;
}

export function adapterFromDraft(draft: SelectorDraft): SiteAdapter {
  const adapter: SiteAdapter = { fields: {} };
  const inCall = draft.inCall.trim();
  const callerNumber = draft.callerNumber.trim();
  if (inCall) adapter.inCall = inCall;
  if (callerNumber) adapter.callerNumber = callerNumber;
  for (const name of FIELD_NAMES) {
    const value = draft[name].trim();
    if (value) adapter.fields[name] = value;
  }
  return adapter;
}

type Props = {
  t: OptionsTranslate;
  value: SelectorDraft;
  onChange: (name: SelectorName, value: string) => void;
};

export function SelectorFields({ t, value, onChange }: Props) {
  return (
    <div class="selectors">
      {SELECTOR_NAMES.map((name) => (
        <div key={name} class="field">
          <label class="field-main">
            <span class="field-label">{t(SELECTOR_LABEL[name])}</span>
            <input
              class="code"
              type="text"
              spellcheck={false}
              autocomplete="off"
              maxLength={500}
              value={value[name]}
              onInput={(event) => onChange(name, event.currentTarget.value)}
            />
          </label>
          <small class="hint">{t(SELECTOR_HINT[name])}</small>
        </div>
      ))}
    </div>
  );
}
