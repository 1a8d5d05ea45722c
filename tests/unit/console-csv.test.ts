// CSV for Excel with a Russian locale: BOM, `;`, CRLF, quoting of `;` `"` and line breaks, decimal
// commas, dd.mm.yyyy dates, and the formula-injection guard that leaves real negative numbers alone.
// Also the report tables' rows and the Blob download.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell, csvFileName, csvNumber, downloadCsv, toCsv } from '@/lib/console/csv';
import { mixCsvRows, operatorCsvRows, percentCell } from '@/lib/console/report-csv';
import type { MixLine } from '@/lib/console/report-mix';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { fakeUlid } from './helpers';

const t = createTranslator(consoleMessages, 'ru');

describe('csv cells', () => {
  it('writes numbers with a decimal comma, no grouping and no binary-fraction noise', () => {
    expect(csvCell(126500)).toBe('126500');
    expect(csvCell(1234.5)).toBe('1234,5');
    expect(csvCell(0.1 + 0.2)).toBe('0,3');
    expect(csvCell(-12.25)).toBe('-12,25');
    expect(csvCell(-0)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('guards a negative number typed as text, but not a real negative number', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5')).toBe("'-5");
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+7 800 600-82-08')).toBe("'+7 800 600-82-08");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Only the first character counts.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Тариф «Турбо» +100 ₽')).toBe('Тариф «Турбо» +100 ₽');
  });

  it('quotes fields with the separator, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('a,b')).toBe('a,b');
    expect(csvCell('=a;b')).toBe('"\'=a;b"');
  });

  it('writes dates as dd.mm.yyyy of the local day, and nothing for empty values', () => {
    expect(csvCell(new Date(2026, 0, 5, 23, 59))).toBe('05.01.2026');
    expect(csvCell(new Date(2026, 10, 30))).toBe('30.11.2026');
    expect(csvCell(new Date(Number.NaN))).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });
});

describe('csv file', () => {
  it('starts with a BOM, separates with ; and ends every line with CRLF', () => {
    const text = toCsv([
      ['Оператор', 'Выручка'],
      ['Мария', 1500.5],
      ['=cmd', -3],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe("Оператор;Выручка\r\nМария;1500,5\r\n'=cmd;-3\r\n");
  });

  it('keeps a line break inside a quoted field without ending the row', () => {
    const text = toCsv([['a\nb', 'c']]);
    expect(text.slice(1).split('\r\n')).toEqual(['"a\nb";c', '']);
  });

  it('names files safely', () => {
    expect(csvFileName('call-mix_2026-11-19_2026-11-19')).toBe('call-mix_2026-11-19_2026-11-19.csv');
    expect(csvFileName('../a b/c')).toBe('a-b-c.csv');
    expect(csvFileName('report.csv')).toBe('report.csv');
    expect(csvFileName('///')).toBe('report.csv');
  });
});

describe('report rows', () => {
  it('writes the mix table with shares as percent numbers and the drift as yes/no', () => {
    const lines: MixLine[] = [
      {
        typeId: 'tech',
        name: 'Не работает интернет',
        calls: 60,
        share: 0.6,
        previousCalls: 40,
        previousShare: 0.4,
        change: 0.2,
        drift: true,
      },
    ];
    const rows = mixCsvRows(lines, t);
    expect(rows[0]).toEqual([
      'Тип звонка',
      'Звонков',
      'Доля, %',
      'Звонков в прошлом периоде',
      'Доля в прошлом периоде, %',
      'Изменение, п. п.',
      'Сдвиг',
    ]);
    expect(rows[1]).toEqual(['Не работает интернет', 60, 60, 40, 40, 20, 'Да']);
    expect(toCsv(rows).split('\r\n')[1]).toBe('Не работает интернет;60;60;40;40;20;Да');
  });

  it('writes operator days with a date and the attainment in percent', () => {
    const rows = operatorCsvRows(
      [
        {
          userId: fakeUlid(1),
          userName: 'Мария',
          periodStart: new Date(2026, 10, 19).getTime(),
          calls: 100,
          effectiveCalls: 10,
          shortCalls: 85,
          sales: 1,
          revenue: 650,
          attainment: 0.4567,
          anomaly: true,
        },
      ],
      t,
    );
    expect(toCsv(rows).split('\r\n')[1]).toBe('Мария;19.11.2026;100;10;85;1;650;45,7;Да');
    expect(percentCell(null)).toBeNull();
  });
});

describe('download', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves the exact bytes (BOM first) through a Blob URL under a .csv name', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const link = { href: '', download: '', rel: '', click: vi.fn(), remove: vi.fn() };
    const appended: unknown[] = [];
    const doc = { createElement: () => link, body: { append: (node: unknown) => appended.push(node) } };

    downloadCsv('mix', toCsv([['Доля'], [0.5]]), doc as unknown as Document);

    expect(link.href).toBe('blob:test/1');
    expect(link.download).toBe('mix.csv');
    expect(link.click).toHaveBeenCalledOnce();
    expect(appended).toEqual([link]);
    expect(link.remove).toHaveBeenCalledOnce();
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('Доля\r\n0,5\r\n');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});
