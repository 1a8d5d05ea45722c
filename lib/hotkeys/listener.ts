// The page-wide hotkey listener. Registered at document_start in the capture phase on window, so
// it runs before any listener a page script adds and works wherever focus is on the page (or in
// the panel); a matched key is consumed so the CRM does not act on it too. Only these hotkeys may
// move the keyboard focus from the page into the panel.
import type { PanelController } from '../panel/controller';
import { matchHotkey } from './match';

export function installHotkeys(win: Window, controller: PanelController): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const data = controller.store.get().data;
    if (!data) return;
    const action = matchHotkey(event, data.settings, data.classifier);
    if (!action) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (action.kind === 'tag') void controller.tag(action.typeId, undefined, event.timeStamp);
    else if (action.kind === 'undo') void controller.undo();
    else if (action.kind === 'open') controller.openSection(action.section);
    else void controller.toggleCall();
  };
  win.addEventListener('keydown', onKeyDown, true);
  return () => win.removeEventListener('keydown', onKeyDown, true);
}
