// Picks the operator's UI language (options page and panel). Saved at once, so the page switches
// language as soon as the choice is stored.
import { useState } from 'preact/hooks';
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import { LOCALES } from '../../lib/i18n/translate';
import { Locale } from '../../lib/schema/primitives';
import { errorNotice, type Notice, NoticeText } from './Notice';

type Props = {
  t: OptionsTranslate;
  locale: Locale;
  onChange: (locale: Locale) => Promise<void>;
};

// Each language is named in itself, whatever the current UI language.
const LANGUAGE_NAME: Record<Locale, OptionsKey> = {
  ru: 'language.ru',
  en: 'language.en',
  pl: 'language.pl',
};

export function LanguageSection({ t, locale, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function change(value: string) {
    const parsed = Locale.safeParse(value);
    if (!parsed.success || parsed.data === locale) return;
    setBusy(true);
    setNotice(null);
    try {
      await onChange(parsed.data);
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card">
      <h2>{t('language.title')}</h2>
      <label class="field">
        <span class="field-label">{t('language.label')}</span>
        <select value={locale} disabled={busy} onChange={(event) => void change(event.currentTarget.value)}>
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {t(LANGUAGE_NAME[code])}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">{t('language.hint')}</p>
      <NoticeText notice={notice} />
    </section>
  );
}
