// The editable table of call types, shared by the options page (local classifier) and the console
// (the server's classifier): one CallTypeRow per type, with the hotkeys other rows (and `reserved`
// combinations) already use marked as taken.
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { CallType } from '../../lib/schema/classifier';
import { CallTypeRow } from './CallTypeRow';

export type CallTypeEditRow = { rowKey: number; isNew: boolean; type: CallType };

interface Props {
  t: OptionsTranslate;
  rows: CallTypeEditRow[];
  /** Keys that no type may take (e.g. the ones the call and undo hotkeys use). */
  reserved?: Iterable<string>;
  edit: (update: (current: CallTypeEditRow[]) => CallTypeEditRow[]) => void;
  move: (index: number, delta: -1 | 1) => void;
}

export function CallTypeTable({ t, rows, reserved = [], edit, move }: Props) {
  return (
    <div class="table-wrap">
      <table class="classifier">
        <thead>
          <tr>
            <th scope="col">{t('classifier.colNumber')}</th>
            <th scope="col">{t('classifier.colId')}</th>
            <th scope="col">{t('classifier.nameRu')}</th>
            <th scope="col">{t('classifier.nameEn')}</th>
            <th scope="col">{t('classifier.namePl')}</th>
            <th scope="col">{t('classifier.colKey')}</th>
            <th scope="col">{t('classifier.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const takenKeys = new Set<string>(reserved);
            for (const other of rows) if (other !== row && other.type.key !== null) takenKeys.add(other.type.key);
            return (
              <CallTypeRow
                key={row.rowKey}
                t={t}
                index={index}
                count={rows.length}
                type={row.type}
                idEditable={row.isNew}
                takenKeys={takenKeys}
                onChange={(update) =>
                  edit((current) => current.map((r) => (r.rowKey === row.rowKey ? { ...r, type: update(r.type) } : r)))
                }
                onMove={(delta) => move(index, delta)}
                onRemove={() => edit((current) => current.filter((r) => r.rowKey !== row.rowKey))}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
