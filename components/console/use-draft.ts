// A document draft kept in memory while it is edited (a content kind's, or the plan): its problems
// on every change, whether it differs from what was loaded (reported through `onDirty`), and a
// publish that hands on only a body that parses and has no problem. Never trust the button's state
// alone: the exact body sent is parsed again.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { isChanged } from '../../lib/console/list-edit';

export interface DraftOptions<T, P> {
  base: T;
  readOnly: boolean;
  /** Recomputes the problems when it changes (the document kind), besides on every edit. */
  key: string;
  problemsOf: (draft: T) => readonly P[];
  /** The body as it would be sent, or null when it does not parse. */
  parse: (draft: T) => T | null;
  onDirty: (dirty: boolean) => void;
  onPublish: (body: T, note: string) => Promise<boolean>;
}

export function useDraft<T, P>({ base, readOnly, key, problemsOf, parse, onDirty, onPublish }: DraftOptions<T, P>) {
  const [draft, setDraft] = useState<T>(base);
  const problems = useMemo(() => problemsOf(draft), [key, draft]);
  const dirty = !readOnly && isChanged(draft, base);
  useEffect(() => onDirty(dirty), [dirty]);

  async function publish(note: string): Promise<boolean> {
    const body = parse(draft);
    if (body === null || problemsOf(body).length > 0) return false;
    return onPublish(body, note);
  }

  const valid = problems.length === 0;
  return {
    problems,
    /** For the kind's editor. */
    editor: { value: draft, onChange: setDraft, problems },
    /** For DraftFrame. */
    frame: { dirty, valid, onDiscard: () => setDraft(base), onPublish: publish },
  };
}
