// Keyboard search over every module of the content: results as the operator types, arrows choose,
// Enter opens and closes the search (Shift+Enter adds it as the second module and stays), Esc closes and gives the focus back to
// the page if our hotkey took it. The index is built once per content (script-derive.ts).
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchModules } from '@/lib/content/search';
import { giveBackFocus, takeFocus } from '@/lib/panel/focus';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { moduleIndex } from '@/lib/panel/script-derive';
import type { ScriptModule } from '@/lib/schema/content';

interface Props {
  modules: readonly ScriptModule[];
  /** Changes with every press of the search hotkey (the field takes the focus again). */
  focusSeq: number;
  onOpen: (moduleId: string, stack: boolean) => void;
  onClose: () => void;
  /** Keystroke -> results on screen, in ms (the e2e build's probe). */
  onShown?: (latencyMs: number) => void;
}

const LIMIT = 8;

export function ModuleSearch({ modules, focusSeq, onOpen, onClose, onShown }: Props) {
  const { t } = usePanelI18n();
  const input = useRef<HTMLInputElement>(null);
  const typedAt = useRef<number | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const index = moduleIndex(modules);
  const results = useMemo(() => searchModules(index, query, LIMIT), [index, query]);
  const chosen = Math.min(selected, results.length - 1);

  useLayoutEffect(() => takeFocus(input.current), [focusSeq]);
  useLayoutEffect(() => {
    if (typedAt.current !== null) onShown?.(performance.now() - typedAt.current);
    typedAt.current = null;
  }, [query]);

  const close = () => {
    onClose();
    giveBackFocus();
  };
  // Opening reads the module: the search closes. Stacking may go on to a third search.
  const open = (moduleId: string, stack: boolean) => {
    onOpen(moduleId, stack);
    if (!stack) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected(Math.max(0, Math.min(results.length - 1, chosen + step)));
    } else if (event.key === 'Enter') {
      const module = results[chosen];
      if (module) open(module.id, event.shiftKey);
    } else if (event.key === 'Escape') {
      close();
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div class="search" data-testid="module-search">
      <input
        ref={input}
        class="field"
        type="search"
        aria-label={t('search')}
        placeholder={t('search')}
        maxLength={100}
        value={query}
        onInput={(event) => {
          typedAt.current = event.timeStamp;
          setQuery(event.currentTarget.value);
          setSelected(0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() !== '' && results.length === 0 && <p class="hint">{t('searchNone')}</p>}
      <ul class="picks">
        {results.map((module, i) => (
          <li key={module.id}>
            <button
              type="button"
              tabIndex={-1}
              class={i === chosen ? 'pick pick--on' : 'pick'}
              aria-current={i === chosen}
              data-module-id={module.id}
              // The field keeps the focus, so typing goes on after a click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => open(module.id, event.shiftKey)}
            >
              <span class="pick__title">{module.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
