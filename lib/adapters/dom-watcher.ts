// Watches the page for changes the site adapter cares about, reading at most once per `delayMs`
// so a busy CRM page cannot make the content script a long task on the page's main thread.
import type { AdapterReading } from '../messaging/panel-protocol';
import type { SiteAdapter } from '../schema/settings';
import { readAdapter } from './site-reader';

export interface AdapterWatch {
  /** Read again now (e.g. after the adapter changed or a call started). */
  refresh(): void;
  stop(): void;
}

export function watchAdapter(
  doc: Document,
  getAdapter: () => SiteAdapter | null,
  onChange: (reading: AdapterReading, previous: AdapterReading | null) => void,
  delayMs = 250,
): AdapterWatch {
  const win = doc.defaultView;
  let previous: AdapterReading | null = null;
  let previousKey = '';
  let timer: ReturnType<typeof setTimeout> | null = null;

  const read = () => {
    timer = null;
    const adapter = getAdapter();
    if (!adapter) return;
    const reading = readAdapter(doc, adapter);
    const key = JSON.stringify([reading.inCall, reading.callerNumber, reading.subscriber]);
    if (key === previousKey) return;
    const before = previous;
    previous = reading;
    previousKey = key;
    onChange(reading, before);
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(read, delayMs);
  };

  const observer = new (win?.MutationObserver ?? MutationObserver)(schedule);
  observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
  schedule();
  return {
    refresh() {
      previousKey = '';
      schedule();
    },
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
