// The quality views' names for call types, objections and modules (lib/console/labels.ts), loaded
// once per view from the documents the user can read; until they arrive the defaults serve.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { callTypeNames, moduleTitles, objectionTitles } from '../../lib/console/labels';
import { request } from '../../lib/messaging/client';
import type { DocumentKind, DocumentSummary } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';

export interface Labels {
  callTypes: Map<string, string>;
  objections: Map<string, string>;
  modules: Map<string, string>;
}

function useDocuments(kind: DocumentKind, wanted: boolean): DocumentSummary[] | null {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let stale = false;
    // Names are a nicety: without the documents, the defaults (or the ids) are shown.
    request('console.documents', { kind }).then(
      (list) => !stale && setDocuments(list),
      () => !stale && setDocuments([]),
    );
    return () => {
      stale = true;
    };
  }, [kind, wanted]);
  return documents;
}

export function useLabels(locale: Locale, need: { objections?: boolean; modules?: boolean } = {}): Labels {
  const classifiers = useDocuments('classifier', true);
  const objections = useDocuments('objections', need.objections === true);
  const scripts = useDocuments('scripts', need.modules === true);
  return useMemo(
    () => ({
      callTypes: callTypeNames(classifiers, locale),
      objections: objectionTitles(objections),
      modules: moduleTitles(scripts),
    }),
    [classifiers, objections, scripts, locale],
  );
}
