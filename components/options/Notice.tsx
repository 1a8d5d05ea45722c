// A section's outcome line (saved / refused / failed), always rendered as plain text.
// Also turns any thrown value into a sentence in the operator's language.
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import { RequestError } from '../../lib/messaging/client';
import type { ErrorCode } from '../../lib/messaging/protocol';

export type Notice = { kind: 'ok' | 'error'; text: string; details?: readonly string[] } | null;

const ERROR_KEYS: Record<ErrorCode, OptionsKey> = {
  bad_request: 'error.badRequest',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  storage: 'error.storage',
  internal: 'error.internal',
};

export function describeError(error: unknown, t: OptionsTranslate): string {
  if (error instanceof RequestError) {
    const key = ERROR_KEYS[error.code as ErrorCode] ?? 'error.internal';
    return t(key, { message: error.message });
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('error.generic', { message });
}

export function errorNotice(error: unknown, t: OptionsTranslate): Notice {
  return { kind: 'error', text: describeError(error, t) };
}

export function NoticeText({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <div class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.details && notice.details.length > 0 && (
        <ul>
          {notice.details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
