// The console's outcome line (published / refused / failed), plain text like the options page's.
// Also turns a thrown value into a sentence: the server's refusals (forbidden, bad request) keep
// their own message, prefixed with what kind of refusal it is.
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';
import { RequestError } from '../../lib/messaging/client';
import type { ErrorCode } from '../../lib/messaging/protocol';
import { type Notice, NoticeText } from '../options/Notice';

const ERROR_KEYS: Record<ErrorCode, ConsoleKey> = {
  bad_request: 'error.badRequest',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  storage: 'error.storage',
  internal: 'error.internal',
};

export function describeConsoleError(error: unknown, t: ConsoleTranslate): string {
  if (error instanceof RequestError) {
    return t(ERROR_KEYS[error.code as ErrorCode] ?? 'error.internal', { message: error.message });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

export function consoleErrorNotice(error: unknown, t: ConsoleTranslate): Notice {
  return { kind: 'error', text: describeConsoleError(error, t) };
}

export function ConsoleNotice({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <div data-testid="console-notice" data-kind={notice.kind}>
      <NoticeText notice={notice} />
    </div>
  );
}
