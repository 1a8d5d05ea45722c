// Every field of one script module: id, title, stage, offer kind, when it fits (call types of the
// classifier in effect, balance, needs an upgrade), the text with its variables, branches and the
// search keywords. Each field shows its own problems.

import type { DraftProblem } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { CallType } from '../../lib/schema/classifier';
import type { ModuleStage, ModuleWhen, OfferKind, ScriptModule } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';
import { BranchFields } from './BranchFields';
import { CallTypePicker } from './CallTypePicker';
import { CheckField } from './CheckField';
import { ListTextField } from './ListTextField';
import { RichTextField } from './RichTextField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const STAGES: readonly ModuleStage[] = ['opening', 'needs', 'offer', 'objection', 'closing'];
const OFFERS: readonly OfferKind[] = ['none', 'upgrade', 'bundle', 'equipment', 'service', 'callback'];
const BALANCES: readonly ModuleWhen['balance'][] = ['any', 'negative', 'nonnegative'];

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  callTypes: readonly CallType[];
  module: ScriptModule;
  index: number;
  modules: readonly ScriptModule[];
  onChange: (module: ScriptModule) => void;
  problems: readonly DraftProblem[];
  disabled: boolean;
};

export function ModuleFields({ t, locale, callTypes, module, index, modules, onChange, problems, disabled }: Props) {
  const path = ['modules', index] as const;
  const set = <F extends keyof ScriptModule>(field: F, value: ScriptModule[F]) =>
    onChange({ ...module, [field]: value });
  const setWhen = <F extends keyof ModuleWhen>(field: F, value: ModuleWhen[F]) =>
    onChange({ ...module, when: { ...module.when, [field]: value } });
  return (
    <fieldset class="plain module-fields" disabled={disabled} data-testid="module-fields" data-index={index}>
      <div class="row">
        <TextField
          t={t}
          label={t('field.id')}
          hint={t('field.idHint')}
          value={module.id}
          maxLength={60}
          onChange={(value) => set('id', value)}
          problems={problems}
          path={[...path, 'id']}
          testId="module-id"
        />
        <TextField
          t={t}
          label={t('field.title')}
          value={module.title}
          maxLength={200}
          onChange={(value) => set('title', value)}
          problems={problems}
          path={[...path, 'title']}
          testId="module-title"
        />
      </div>
      <div class="row">
        <SelectField
          t={t}
          label={t('field.stage')}
          value={module.stage}
          options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
          onChange={(value) => set('stage', value)}
          problems={problems}
          path={[...path, 'stage']}
          testId="module-stage"
        />
        <SelectField
          t={t}
          label={t('field.offer')}
          value={module.offer}
          options={OFFERS.map((offer) => ({ value: offer, label: t(`offer.${offer}`) }))}
          onChange={(value) => set('offer', value)}
          problems={problems}
          path={[...path, 'offer']}
          testId="module-offer"
        />
      </div>
      <fieldset class="when">
        <legend>{t('field.when')}</legend>
        <CallTypePicker
          t={t}
          locale={locale}
          callTypes={callTypes}
          value={module.when.callTypes}
          onChange={(value) => setWhen('callTypes', value)}
          problems={problems}
          path={[...path, 'when', 'callTypes']}
        />
        <div class="row">
          <SelectField
            t={t}
            label={t('field.balance')}
            value={module.when.balance}
            options={BALANCES.map((balance) => ({ value: balance, label: t(`balance.${balance}`) }))}
            onChange={(value) => setWhen('balance', value)}
            problems={problems}
            path={[...path, 'when', 'balance']}
            testId="module-balance"
          />
          <CheckField
            label={t('field.needsUpgrade')}
            checked={module.when.needsUpgrade}
            onChange={(value) => setWhen('needsUpgrade', value)}
            testId="module-needs-upgrade"
          />
        </div>
      </fieldset>
      <RichTextField
        t={t}
        label={t('field.text')}
        value={module.text}
        onChange={(value) => set('text', value)}
        problems={problems}
        path={[...path, 'text']}
        disabled={disabled}
        testId="module-text"
      />
      <BranchFields
        t={t}
        branches={module.branches}
        modules={modules}
        ownId={module.id}
        onChange={(value) => set('branches', value)}
        problems={problems}
        path={[...path, 'branches']}
        disabled={disabled}
      />
      <ListTextField
        t={t}
        label={t('field.keywords')}
        hint={t('field.keywordsHint')}
        value={module.keywords}
        onChange={(value) => set('keywords', value)}
        problems={problems}
        path={[...path, 'keywords']}
        testId="module-keywords"
      />
    </fieldset>
  );
}
