// The tariff catalogue: currency, the tariffs (with their upgrades) and the extra services, with
// the variables they give the demo subscriber beside them.
import { freshId, moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import type { ExtraService, Tariff, TariffCatalogue } from '../../lib/schema/content';
import type { EditorProps } from './editor-props';
import { FieldProblems } from './FieldProblems';
import { ServiceFields } from './ServiceFields';
import { TariffFields } from './TariffFields';
import { TariffsPreview } from './TariffsPreview';
import { TextField } from './TextField';

const MAX_ROWS = 300;

export function TariffsEditor({ ctx, value, onChange, problems, readOnly }: EditorProps<TariffCatalogue>) {
  const { t } = ctx;
  const setTariffs = (tariffs: Tariff[]) => onChange({ ...value, tariffs });
  const setServices = (services: ExtraService[]) => onChange({ ...value, services });
  return (
    <div class="doc-editor doc-editor--two" data-testid="tariffs-editor">
      <fieldset class="plain doc-editor__fields" disabled={readOnly}>
        <TextField
          t={t}
          label={t('field.currency')}
          value={value.currency}
          maxLength={8}
          onChange={(currency) => onChange({ ...value, currency })}
          problems={problems}
          path={['currency']}
          testId="tariffs-currency"
        />
        <h3>{t('field.tariffs')}</h3>
        {value.tariffs.map((tariff, index) => (
          <TariffFields
            key={index}
            t={t}
            tariff={tariff}
            index={index}
            count={value.tariffs.length}
            tariffs={value.tariffs}
            onChange={(next) => setTariffs(replaceAt(value.tariffs, index, next))}
            onMove={(delta) => setTariffs(moveItem(value.tariffs, index, delta))}
            onRemove={() => setTariffs(removeAt(value.tariffs, index))}
            problems={problems}
            path={['tariffs', index]}
            disabled={readOnly}
          />
        ))}
        <button
          type="button"
          data-testid="tariff-add"
          disabled={readOnly || value.tariffs.length >= MAX_ROWS}
          onClick={() =>
            setTariffs([
              ...value.tariffs,
              {
                id: freshId(
                  'tariff',
                  value.tariffs.map((x) => x.id),
                ),
                name: t('tariffs.newName'),
                aliases: [],
                kind: 'internet',
                monthly: 0,
                speedMbps: null,
                upgradeTo: null,
                active: true,
              },
            ])
          }
        >
          {t('tariffs.add')}
        </button>
        <FieldProblems t={t} problems={problems} path={['tariffs']} />
        <h3>{t('field.services')}</h3>
        {value.services.map((service, index) => (
          <ServiceFields
            key={index}
            t={t}
            service={service}
            onChange={(next) => setServices(replaceAt(value.services, index, next))}
            onRemove={() => setServices(removeAt(value.services, index))}
            problems={problems}
            path={['services', index]}
            disabled={readOnly}
          />
        ))}
        <button
          type="button"
          data-testid="service-add"
          disabled={readOnly || value.services.length >= MAX_ROWS}
          onClick={() =>
            setServices([
              ...value.services,
              {
                id: freshId(
                  'service',
                  value.services.map((x) => x.id),
                ),
                name: t('tariffs.newService'),
                kind: 'service',
                monthly: 0,
              },
            ])
          }
        >
          {t('tariffs.addService')}
        </button>
        <FieldProblems t={t} problems={problems} path={['services']} />
      </fieldset>
      <TariffsPreview ctx={ctx} catalogue={value} />
    </div>
  );
}
