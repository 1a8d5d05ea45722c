// Reads call state and subscriber context off a CRM/softphone page with the site adapter's
// selectors. Takes a Document so it is tested on saved HTML without a browser. Everything read
// is plain text (textContent), trimmed and bounded; a broken selector is reported, not thrown.
import type { AdapterReading } from '../messaging/panel-protocol';
import type { SubscriberContext } from '../schema/call';
import type { SiteAdapter } from '../schema/settings';

const LIMITS = { callerNumber: 40, contract: 100, name: 200, tariff: 200, balance: 50 } as const;

function clean(text: string | null | undefined, max: number): string | undefined {
  const value = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  return value === '' ? undefined : value;
}

function query(doc: Document, selector: string, matches: AdapterReading['matches'], label: string): Element | null {
  try {
    const all = doc.querySelectorAll(selector);
    matches[label] = all.length;
    return all[0] ?? null;
  } catch (error) {
    matches[label] = { error: String(error instanceof Error ? error.message : error).slice(0, 300) };
    return null;
  }
}

/** The text of an element, or its value for a form field. */
function textOf(element: Element | null): string | null {
  if (!element) return null;
  if ('value' in element && typeof element.value === 'string' && element.localName !== 'button') return element.value;
  return element.textContent;
}

export function readAdapter(doc: Document, adapter: SiteAdapter): AdapterReading {
  const matches: AdapterReading['matches'] = {};
  const inCall = adapter.inCall ? query(doc, adapter.inCall, matches, 'inCall') !== null : null;
  const callerNumber = adapter.callerNumber
    ? (clean(textOf(query(doc, adapter.callerNumber, matches, 'callerNumber')), LIMITS.callerNumber) ?? null)
    : null;
  const subscriber: SubscriberContext = {};
  for (const field of ['contract', 'name', 'tariff', 'balance'] as const) {
    const selector = adapter.fields[field];
    if (!selector) continue;
    const value = clean(textOf(query(doc, selector, matches, field)), LIMITS[field]);
    if (value !== undefined) subscriber[field] = value;
  }
  return { inCall, callerNumber, subscriber, matches };
}
