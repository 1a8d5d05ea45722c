// The console's plan section: pick a scope (a team, or the organisation for an admin), start a draft
// from its current plan (or the organisation's, or an empty plan for this month), edit the formula,
// targets, split and pay rule with live validation, publish with a change note, browse the history,
// compare versions and roll back — the same workflow as the content documents, for kind `plan`.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { effectiveBody, readWith } from '../../../lib/console/base';
import { defaultContent } from '../../../lib/console/documents';
import type { PlanMember } from '../../../lib/console/plan-draft';
import { monthOf } from '../../../lib/console/report-period';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import { request } from '../../../lib/messaging/client';
import { emptyPlan } from '../../../lib/plan/defaults';
import type { DocumentSummary, SessionUser } from '../../../lib/schema/api';
import { TariffCatalogue } from '../../../lib/schema/content';
import { PlanDocument } from '../../../lib/schema/plan';
import type { Locale } from '../../../lib/schema/primitives';
import type { TeamMember } from '../../../lib/sync/api-client';
import { describeConsoleError } from '../ConsoleNotice';
import { useVersionedDocument } from '../use-versioned-document';
import { VersionedWorkspace } from '../VersionedWorkspace';
import { PlanDraft } from './PlanDraft';
import type { PlanContext } from './plan-props';

const readPlan = (body: unknown) => readWith(PlanDocument, body);
const readTariffs = (body: unknown) => readWith(TariffCatalogue, body);

/** The active operators of the scope's team (any team for the organisation-wide plan). */
function operatorsOf(members: readonly TeamMember[], teamId: string | null): PlanMember[] {
  return members
    .filter((m) => m.role === 'operator' && !m.disabled)
    .filter((m) => teamId === null || m.teams.some((team) => team.id === teamId))
    .map((m) => ({ userId: m.id, name: m.name }));
}

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  user: SessionUser;
  onDirty?: (dirty: boolean) => void;
  /** Today, for a new plan's month (tests pass a fixed one). */
  now?: number;
};

export function PlanWorkspace({ t, locale, user, onDirty, now }: Props) {
  const [tariffDocs, setTariffDocs] = useState<DocumentSummary[] | null>(null);
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [membersFailed, setMembersFailed] = useState<unknown>(null);
  const month = monthOf(now ?? Date.now());
  const empty = useMemo(() => emptyPlan(month), [month]);
  const doc = useVersionedDocument<PlanDocument>({
    kind: 'plan',
    t,
    user,
    onDirty,
    read: readPlan,
    fallback: empty,
    unreadableKey: 'history.unreadableContent',
  });
  const { scope } = doc;

  useEffect(() => {
    // The currency and fees come from the tariffs in effect; without them the defaults serve.
    request('console.documents', { kind: 'tariffs' }).then(setTariffDocs, () => setTariffDocs([]));
    request('console.users', {}).then(setMembers, (error: unknown) => {
      setMembers([]);
      setMembersFailed(error);
    });
  }, [t]);

  const catalogue = useMemo(
    () => effectiveBody(tariffDocs, scope, readTariffs, defaultContent('tariffs')),
    [tariffDocs, scope],
  );
  const scopeMembers = useMemo(() => (members ? operatorsOf(members, scope) : null), [members, scope]);
  const ctx: PlanContext = useMemo(
    () => ({ t, locale, teamId: scope, catalogue, members: scopeMembers }),
    [t, locale, scope, catalogue, scopeMembers],
  );

  return (
    <VersionedWorkspace
      t={t}
      locale={locale}
      kind="plan"
      doc={doc}
      card={{ class: 'card workspace', testId: 'console-workspace', kind: 'plan' }}
      keys={{
        title: 'plan.title',
        intro: 'plan.intro',
        readOnly: 'plan.readOnly',
        noScope: 'plan.noScope',
        base: { org: 'plan.fromOrg', default: 'plan.fromDefault', unreadable: 'plan.unreadable' },
      }}
      notes={
        membersFailed !== null && (
          <p class="hint" data-testid="plan-members-failed">
            {t('plan.team.failed', { reason: describeConsoleError(membersFailed, t) })}
          </p>
        )
      }
      editor={(base) => (
        <PlanDraft
          key={doc.draftKey}
          ctx={ctx}
          base={base.body}
          isNew={doc.own === null || base.from === 'unreadable'}
          readOnly={doc.readOnly}
          busy={doc.busy}
          onDirty={doc.markDirty}
          onPublish={doc.publishDraft}
        />
      )}
    />
  );
}
