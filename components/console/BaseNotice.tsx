// The line above an editor saying what its draft starts from: the scope's current version (when,
// by whom), the organisation-wide one, the built-in default, or an unreadable current version.
// Shared by the classifier console and the content workspaces, which word the last three apart.
import type { Base } from '../../lib/console/base';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { Locale } from '../../lib/schema/primitives';

interface Props {
  t: ConsoleTranslate;
  locale: Locale;
  base: Base<unknown>;
  keys: { org: ConsoleKey; default: ConsoleKey; unreadable: ConsoleKey };
}

export function BaseNotice({ t, locale, base, keys }: Props) {
  return (
    <p class="hint" data-testid="console-base" data-from={base.from}>
      {base.from === 'current' &&
        t('doc.current', {
          version: base.version.version,
          when: new Date(base.version.publishedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
          who: base.version.publishedBy,
        })}
      {base.from === 'org' && t(keys.org, { version: base.version.version })}
      {base.from === 'default' && t(keys.default)}
      {base.from === 'unreadable' && t(keys.unreadable, { version: base.version.version, message: base.message })}
    </p>
  );
}
