// Which team the reports cover: one of the user's teams, or everything the user may see (all of a
// lead's teams; the whole organisation for an admin).
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { SessionUser } from '../../../lib/schema/api';

const ALL = '';

type Props = {
  t: ConsoleTranslate;
  user: SessionUser;
  value: string | undefined;
  onChange: (teamId: string | undefined) => void;
};

/** The team a user's reports open on: their only team, else everything they see. */
export function firstReportTeam(user: SessionUser): string | undefined {
  return user.role !== 'admin' && user.teams.length === 1 ? user.teams[0]?.id : undefined;
}

export function TeamPicker({ t, user, value, onChange }: Props) {
  const showAll = user.role === 'admin' || user.teams.length !== 1;
  return (
    <label class="field">
      <span class="field-label">{t('reports.team')}</span>
      <select
        data-testid="report-team"
        value={value ?? ALL}
        disabled={user.teams.length + (showAll ? 1 : 0) < 2}
        onChange={(event) => onChange(event.currentTarget.value === ALL ? undefined : event.currentTarget.value)}
      >
        {showAll && (
          <option value={ALL}>
            {user.role === 'admin' ? t('reports.team.org', { org: user.orgName }) : t('reports.team.all')}
          </option>
        )}
        {user.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </label>
  );
}
