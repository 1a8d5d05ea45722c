// The console's plan section: pick a scope (a team, or the organisation for an admin), start a draft
// from its current plan (or the organisation's, or an empty plan for this month), edit the formula,
// targets, split and pay rule with live validation, publish with a change note, browse the history,
// compare versions and roll back — the same workflow as the content documents, for kind `plan`.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { chooseBase, effectiveBody, readWith } from '../../../lib/console/base';
import { defaultContent } from '../../../lib/console/documents';
import { mayPublish } from '../../../lib/console/permissions';
import type { PlanMember } from '../../../lib/console/plan-draft';
import { monthOf } from '../../../lib/console/report-period';
import { firstScope, scopesFor } from '../../../lib/console/scopes';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import { request } from '../../../lib/messaging/client';
import { emptyPlan } from '../../../lib/plan/defaults';
import type { ContentVersion, DocumentSummary, SessionUser } from '../../../lib/schema/api';
import { TariffCatalogue } from '../../../lib/schema/content';
import { PlanDocument } from '../../../lib/schema/plan';
import type { Locale } from '../../../lib/schema/primitives';
import type { TeamMember } from '../../../lib/sync/api-client';
import type { Notice } from '../../options/Notice';
import { BaseNotice } from '../BaseNotice';
import { ConsoleNotice, consoleErrorNotice, describeConsoleError } from '../ConsoleNotice';
import { DocumentHistory } from '../DocumentHistory';
import { ScopePicker } from '../ScopePicker';
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
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [tariffDocs, setTariffDocs] = useState<DocumentSummary[] | null>(null);
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [membersFailed, setMembersFailed] = useState<unknown>(null);
  const scopes = scopesFor(user, documents, {
    org: (org) => t('scope.org', { org }),
    team: (team) => t('scope.team', { team }),
    otherTeam: (id) => t('scope.otherTeam', { id }),
  });
  const [scope, setScope] = useState<string | null>(() =>
    firstScope(scopes, (teamId) => mayPublish(user, 'plan', teamId)),
  );
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    try {
      setDocuments(await request('console.documents', { kind: 'plan' }));
    } catch (error) {
      setNotice(consoleErrorNotice(error, t));
    }
  }, [t]);

  useEffect(() => onDirty?.(dirty), [dirty]);

  useEffect(() => {
    void load();
    // The currency and fees come from the tariffs in effect; without them the defaults serve.
    request('console.documents', { kind: 'tariffs' }).then(setTariffDocs, () => setTariffDocs([]));
    request('console.users', {}).then(setMembers, (error: unknown) => {
      setMembers([]);
      setMembersFailed(error);
    });
  }, [load]);

  const readOnly = !mayPublish(user, 'plan', scope);
  const own = documents?.find((doc) => doc.teamId === scope) ?? null;
  const org = scope === null ? null : (documents?.find((doc) => doc.teamId === null) ?? null);
  const month = monthOf(now ?? Date.now());
  const base = useMemo(
    () => (documents ? chooseBase(own, org, readPlan, emptyPlan(month)) : null),
    [documents, scope, month],
  );
  const catalogue = useMemo(
    () => effectiveBody(tariffDocs, scope, readTariffs, defaultContent('tariffs')),
    [tariffDocs, scope],
  );
  const scopeMembers = useMemo(() => (members ? operatorsOf(members, scope) : null), [members, scope]);
  const ctx: PlanContext = useMemo(
    () => ({ t, locale, teamId: scope, catalogue, members: scopeMembers }),
    [t, locale, scope, catalogue, scopeMembers],
  );

  async function publish(body: PlanDocument, note: string, done: (stored: ContentVersion) => string) {
    setBusy(true);
    setNotice(null);
    try {
      const stored = await request('console.publish', { kind: 'plan', teamId: scope, body, note });
      setNotice({ kind: 'ok', text: done(stored) });
      await load();
      return true;
    } catch (error) {
      setNotice(consoleErrorNotice(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function restore(version: ContentVersion) {
    const old = readPlan(version.body);
    if (!old.ok) {
      setNotice({ kind: 'error', text: t('history.unreadableContent', { version: version.version }) });
      return;
    }
    void publish(old.value, t('history.rollbackNote', { version: version.version }), (stored) =>
      t('history.restored', { version: version.version, newVersion: stored.version }),
    );
  }

  if (scopes.length === 0) {
    return (
      <section class="card" data-testid="console-no-scope">
        <p>{t('plan.noScope')}</p>
      </section>
    );
  }
  return (
    <>
      <section class="card workspace" data-testid="console-workspace" data-kind="plan">
        <h2>{t('plan.title')}</h2>
        <p class="hint">{t('plan.intro')}</p>
        <ScopePicker
          t={t}
          scopes={scopes}
          value={scope}
          locked={dirty || busy}
          onChange={(next) => {
            setScope(next);
            setNotice(null);
          }}
        />
        {readOnly && <p class="notice notice-info">{t('plan.readOnly')}</p>}
        {membersFailed !== null && (
          <p class="hint" data-testid="plan-members-failed">
            {t('plan.team.failed', { reason: describeConsoleError(membersFailed, t) })}
          </p>
        )}
        {base === null ? (
          notice === null && <p class="hint">{t('scope.loading')}</p>
        ) : (
          <>
            <BaseNotice
              t={t}
              locale={locale}
              base={base}
              keys={{ org: 'plan.fromOrg', default: 'plan.fromDefault', unreadable: 'plan.unreadable' }}
            />
            <PlanDraft
              // A new current version (or another scope) starts a fresh draft from it.
              key={`${scope ?? 'org'}:${own?.current.versionId ?? 'none'}`}
              ctx={ctx}
              base={base.body}
              isNew={own === null || base.from === 'unreadable'}
              readOnly={readOnly}
              busy={busy}
              onDirty={(next) => {
                setDirty(next);
                if (next) setNotice(null);
              }}
              onPublish={(body, note) =>
                publish(body, note, (stored) => t('publish.done', { version: stored.version }))
              }
            />
          </>
        )}
        <ConsoleNotice notice={notice} />
      </section>
      {own && (
        <DocumentHistory
          t={t}
          locale={locale}
          kind="plan"
          documentId={own.documentId}
          currentVersion={own.current.version}
          readOnly={readOnly}
          busy={busy}
          onRestore={restore}
        />
      )}
    </>
  );
}
