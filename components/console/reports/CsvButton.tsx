// "CSV" under a report table: the table as a file that opens right in Excel (lib/console/csv.ts).
// The rows are built only when the button is pressed.
import { type CsvCell, downloadCsv, toCsv } from '../../../lib/console/csv';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';

type Props = {
  t: ConsoleTranslate;
  fileName: string;
  rows: () => CsvCell[][];
  testId: string;
};

export function CsvButton({ t, fileName, rows, testId }: Props) {
  return (
    <button type="button" class="csv-button" data-testid={testId} onClick={() => downloadCsv(fileName, toCsv(rows()))}>
      {t('reports.csv')}
    </button>
  );
}
