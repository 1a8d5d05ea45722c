// Who is asking? The background answers only its own content scripts (top frame of an http(s)
// page) and its own pages; anything else, including other extensions, is refused (R16).
import type { SenderKind } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface VerifiedSender {
  kind: SenderKind;
  /** The page origin for a content script (from the browser, not from the message). */
  origin: string | null;
  tabId: number | null;
}

export function verifySender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): VerifiedSender | null {
  if (sender.id !== runtimeId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.origin === extensionOrigin || `${url.protocol}//${url.host}` === extensionOrigin) {
    return { kind: 'extension', origin: null, tabId: sender.tab?.id ?? null };
  }
  const isWeb = url.protocol === 'http:' || url.protocol === 'https:';
  if (isWeb && sender.tab?.id !== undefined && sender.frameId === 0) {
    return { kind: 'content', origin: url.origin, tabId: sender.tab.id };
  }
  return null;
}
