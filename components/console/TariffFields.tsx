// One tariff of the catalogue: id, name as the CRM page shows it, aliases, kind, monthly fee,
// speed, the tariff offered as its upgrade, still sold; with move and remove.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { Tariff } from '../../lib/schema/content';
import { CheckField } from './CheckField';
import { FieldProblems } from './FieldProblems';
import { ListTextField } from './ListTextField';
import { NumberField } from './NumberField';
import { RowActions } from './RowActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const KINDS: readonly Tariff['kind'][] = ['internet', 'tv', 'bundle'];
const NONE = '';

type Props = {
  t: ConsoleTranslate;
  tariff: Tariff;
  index: number;
  count: number;
  /** Every tariff of the draft, for the upgrade choice. */
  tariffs: readonly Tariff[];
  onChange: (tariff: Tariff) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
};

export function TariffFields({
  t,
  tariff,
  index,
  count,
  tariffs,
  onChange,
  onMove,
  onRemove,
  problems,
  path,
  disabled,
}: Props) {
  const others = tariffs.filter((_, i) => i !== index);
  const known = tariff.upgradeTo === null || others.some((other) => other.id === tariff.upgradeTo);
  return (
    <div class="tariff-fields" data-testid="tariff-row" data-index={index}>
      <div class="answer__head">
        <strong>{tariff.name || t('list.untitled')}</strong>
        <RowActions
          up={{
            label: t('tariffs.up', { name: tariff.name }),
            disabled: disabled || index === 0,
            onClick: () => onMove(-1),
          }}
          down={{
            label: t('tariffs.down', { name: tariff.name }),
            disabled: disabled || index === count - 1,
            onClick: () => onMove(1),
          }}
          remove={{ label: t('tariffs.remove', { name: tariff.name }), disabled, onClick: onRemove }}
        />
      </div>
      <div class="row">
        <TextField
          t={t}
          label={t('field.id')}
          value={tariff.id}
          maxLength={60}
          onChange={(id) => onChange({ ...tariff, id })}
          problems={problems}
          path={[...path, 'id']}
        />
        <TextField
          t={t}
          label={t('field.name')}
          value={tariff.name}
          maxLength={200}
          onChange={(name) => onChange({ ...tariff, name })}
          problems={problems}
          path={[...path, 'name']}
          testId="tariff-name"
        />
        <ListTextField
          t={t}
          label={t('field.aliases')}
          value={tariff.aliases}
          onChange={(aliases) => onChange({ ...tariff, aliases })}
          problems={problems}
          path={[...path, 'aliases']}
        />
      </div>
      <div class="row">
        <SelectField
          t={t}
          label={t('field.kind')}
          value={tariff.kind}
          options={KINDS.map((kind) => ({ value: kind, label: t(`tariffKind.${kind}`) }))}
          onChange={(kind) => onChange({ ...tariff, kind })}
          problems={problems}
          path={[...path, 'kind']}
        />
        <NumberField
          t={t}
          label={t('field.monthly')}
          value={tariff.monthly}
          min={0}
          onChange={(monthly) => onChange({ ...tariff, monthly: monthly ?? Number.NaN })}
          problems={problems}
          path={[...path, 'monthly']}
          testId="tariff-monthly"
        />
        <NumberField
          t={t}
          label={t('field.speedMbps')}
          value={tariff.speedMbps}
          nullable
          min={1}
          onChange={(speedMbps) => onChange({ ...tariff, speedMbps })}
          problems={problems}
          path={[...path, 'speedMbps']}
        />
        <label class="field">
          <span class="field-label">{t('field.upgradeTo')}</span>
          <select
            data-testid="tariff-upgrade"
            data-path={[...path, 'upgradeTo'].join('.')}
            value={tariff.upgradeTo ?? NONE}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ ...tariff, upgradeTo: value === NONE ? null : value });
            }}
          >
            <option value={NONE}>{t('tariffs.noUpgrade')}</option>
            {!known && tariff.upgradeTo !== null && (
              <option value={tariff.upgradeTo}>{t('branches.missing', { id: tariff.upgradeTo })}</option>
            )}
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name || other.id}
              </option>
            ))}
          </select>
          <FieldProblems t={t} problems={problems} path={[...path, 'upgradeTo']} />
        </label>
      </div>
      <CheckField
        label={t('field.active')}
        checked={tariff.active}
        onChange={(active) => onChange({ ...tariff, active })}
      />
    </div>
  );
}
