// The operator panel's stylesheet as text, handed to the console's live previews by the page entry
// (which imports it with `?inline`, as the panel's content script does). Kept in a context so the
// components stay importable where no bundler turns CSS into text (unit tests get none).
import { createContext } from 'preact';

export const PanelCss = createContext<string>('');
