// The console's classifier work: pick a scope, load the server's classifier documents, edit the
// chosen one and publish it, browse, compare or restore its versions. A team without a document of
// its own starts from the organisation-wide list (or the default one). Leads work on their teams;
// admins also on the organisation-wide list; trainers see everything read-only (the server lets
// leads and admins publish a classifier).
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { readWith } from '../../lib/console/base';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { DocumentSummary, SessionUser } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';
import type { Locale } from '../../lib/schema/primitives';
import { ClassifierEditor } from './ClassifierEditor';
import { useVersionedDocument } from './use-versioned-document';
import { VersionedWorkspace } from './VersionedWorkspace';

type Props = {
  t: ConsoleTranslate;
  ot: OptionsTranslate;
  locale: Locale;
  user: SessionUser;
  /** Reports unpublished changes, so the page keeps the user from leaving them by accident. */
  onDirty?: (dirty: boolean) => void;
};

const readClassifier = (body: unknown) => readWith(Classifier, body);
/** A classifier carries its own version number: the next one of the scope's document. */
const nextVersionOf = (own: DocumentSummary | null) => (own?.current.version ?? 0) + 1;

export function ClassifierConsole({ t, ot, locale, user, onDirty }: Props) {
  const doc = useVersionedDocument<Classifier>({
    kind: 'classifier',
    t,
    user,
    onDirty,
    read: readClassifier,
    fallback: DEFAULT_CLASSIFIER,
    unreadableKey: 'history.unreadable',
    restored: (body, own) => ({ ...body, version: nextVersionOf(own) }),
  });

  return (
    <VersionedWorkspace
      t={t}
      locale={locale}
      kind="classifier"
      doc={doc}
      card={{ class: 'card', testId: 'console-classifier' }}
      keys={{
        title: 'classifier.title',
        intro: 'classifier.intro',
        readOnly: 'doc.readOnly',
        noScope: 'scope.none',
        base: { org: 'doc.fromOrg', default: 'doc.fromDefault', unreadable: 'doc.unreadable' },
      }}
      editor={(base) => (
        <ClassifierEditor
          key={doc.draftKey}
          t={t}
          ot={ot}
          base={base.body}
          nextVersion={nextVersionOf(doc.own)}
          isNew={doc.own === null}
          readOnly={doc.readOnly}
          busy={doc.busy}
          onDirty={doc.markDirty}
          onPublish={doc.publishDraft}
        />
      )}
    />
  );
}
