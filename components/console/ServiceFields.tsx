// One extra service or piece of equipment of the catalogue: id, name, kind, monthly fee.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ExtraService } from '../../lib/schema/content';
import { NumberField } from './NumberField';
import { RowActions } from './RowActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const KINDS: readonly ExtraService['kind'][] = ['service', 'equipment'];

type Props = {
  t: ConsoleTranslate;
  service: ExtraService;
  onChange: (service: ExtraService) => void;
  onRemove: () => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
};

export function ServiceFields({ t, service, onChange, onRemove, problems, path, disabled }: Props) {
  return (
    <div class="row service-fields" data-testid="service-row">
      <TextField
        t={t}
        label={t('field.id')}
        value={service.id}
        maxLength={60}
        onChange={(id) => onChange({ ...service, id })}
        problems={problems}
        path={[...path, 'id']}
      />
      <TextField
        t={t}
        label={t('field.name')}
        value={service.name}
        maxLength={200}
        onChange={(name) => onChange({ ...service, name })}
        problems={problems}
        path={[...path, 'name']}
      />
      <SelectField
        t={t}
        label={t('field.kind')}
        value={service.kind}
        options={KINDS.map((kind) => ({ value: kind, label: t(`serviceKind.${kind}`) }))}
        onChange={(kind) => onChange({ ...service, kind })}
        problems={problems}
        path={[...path, 'kind']}
      />
      <NumberField
        t={t}
        label={t('field.monthly')}
        value={service.monthly}
        min={0}
        onChange={(monthly) => onChange({ ...service, monthly: monthly ?? Number.NaN })}
        problems={problems}
        path={[...path, 'monthly']}
      />
      <RowActions
        remove={{
          label: t('tariffs.removeService', { name: service.name }),
          disabled,
          onClick: onRemove,
        }}
      />
    </div>
  );
}
