// @vitest-environment happy-dom
// Authored rich text: the tiny markup (bold, "- " lists, line breaks, paragraphs, variables) is
// parsed into a tree and rendered as elements; a missing variable becomes a button that asks for
// it, never raw braces.
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '@/components/RichText';
import { missingVariables, parseInline, parseRichText, richPlainText } from '@/lib/content/rich-text';

const text = (t: string) => ({ kind: 'text', text: t }) as const;

describe('parseRichText', () => {
  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    expect(parseRichText('один\nдва\n\n\nтри')).toEqual([
      { kind: 'para', lines: [[text('один')], [text('два')]] },
      { kind: 'para', lines: [[text('три')]] },
    ]);
  });

  it('accepts \\r\\n and whitespace-only separator lines', () => {
    expect(parseRichText('a\r\nb\r\n  \r\nc')).toEqual([
      { kind: 'para', lines: [[text('a')], [text('b')]] },
      { kind: 'para', lines: [[text('c')]] },
    ]);
  });

  it('makes lists of lines starting with "- " or "* "', () => {
    expect(parseRichText('Вопросы:\n- первый\n* второй\nпосле')).toEqual([
      { kind: 'para', lines: [[text('Вопросы:')]] },
      { kind: 'list', items: [[text('первый')], [text('второй')]] },
      { kind: 'para', lines: [[text('после')]] },
    ]);
  });

  it('does not take "-5", "**bold**" or "*x" at the start of a line for a list item', () => {
    const blocks = parseRichText('-5 ₽\n**жирно** да\n*курсив*');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('para');
  });

  it('makes **bold**, with variables inside', () => {
    expect(parseInline('за **{price_delta} ₽** в месяц', { price_delta: '100' })).toEqual([
      text('за '),
      { kind: 'bold', children: [{ kind: 'var', name: 'price_delta', value: '100' }, text(' ₽')] },
      text(' в месяц'),
    ]);
  });

  it('keeps unpaired and empty ** as text', () => {
    expect(parseInline('a ** b')).toEqual([text('a ** b')]);
    expect(parseInline('a **** b')).toEqual([text('a **** b')]);
    expect(parseInline('**a** **b')).toEqual([{ kind: 'bold', children: [text('a')] }, text(' **b')]);
    expect(parseInline('***x***')).toEqual([{ kind: 'bold', children: [text('*x')] }, text('*')]);
  });

  it('turns {var} into a variable with its value, or null when missing or blank', () => {
    expect(parseInline('{first_name}, {tariff}!', { first_name: 'Мария', tariff: ' ' })).toEqual([
      { kind: 'var', name: 'first_name', value: 'Мария' },
      text(', '),
      { kind: 'var', name: 'tariff', value: null },
      text('!'),
    ]);
    expect(parseInline('{constructor}', {})).toEqual([{ kind: 'var', name: 'constructor', value: null }]);
  });

  it('leaves everything else literal: tags, links, other markdown, odd braces', () => {
    const literal = '<b>x</b> [a](javascript:alert(1)) _i_ `code` # h {not var} {}';
    expect(parseRichText(literal)).toEqual([{ kind: 'para', lines: [[text(literal)]] }]);
  });

  it('gives nothing for empty text', () => {
    expect(parseRichText('')).toEqual([]);
    expect(parseRichText('\n \n')).toEqual([]);
  });

  it('reads back as plain text and lists missing variables', () => {
    const blocks = parseRichText('**{first_name}**, {tariff}\n- {x}\n\nконец {x}', { first_name: 'Мария' });
    // Blocks are separated by a blank line.
    expect(richPlainText(blocks)).toBe('Мария, {tariff}\n\n- {x}\n\nконец {x}');
    expect(missingVariables(blocks)).toEqual(['tariff', 'x']);
  });
});

describe('<RichText>', () => {
  let root: HTMLElement | null = null;
  afterEach(() => {
    if (root) render(null, root);
    root?.remove();
    root = null;
  });

  function show(props: Parameters<typeof RichText>[0]): HTMLElement {
    root = document.createElement('div');
    document.body.append(root);
    render(h(RichText, props), root);
    return root;
  }

  it('renders paragraphs, breaks, lists and bold as elements', () => {
    const el = show({ text: 'Привет\n**мир**\n\n- один\n- два' });
    expect(el.innerHTML).toBe('<p>Привет<br><strong>мир</strong></p><ul><li>один</li><li>два</li></ul>');
  });

  it('renders a filled variable as a span with its value', () => {
    const el = show({ text: '{first_name}, здравствуйте', values: { first_name: 'Мария' } });
    const span = el.querySelector('span.rt-var')!;
    expect(span.textContent).toBe('Мария');
    expect(el.textContent).toBe('Мария, здравствуйте');
  });

  it('renders a missing variable as a button that asks for it, never as braces', () => {
    const onAsk = vi.fn();
    const el = show({ text: 'Доплата {price_delta} ₽', values: {}, onAsk });
    expect(el.textContent).not.toContain('{');
    const button = el.querySelector('button.rt-missing') as HTMLButtonElement;
    expect(button.type).toBe('button');
    expect(button.dataset.var).toBe('price_delta');
    expect(button.textContent).toBe('price delta');
    button.click();
    expect(onAsk).toHaveBeenCalledWith('price_delta');
  });

  it('labels a missing variable with missingLabel', () => {
    const el = show({ text: '{upgrade_tariff}', missingLabel: (name) => `Указать: ${name}` });
    expect(el.querySelector('button')!.textContent).toBe('Указать: upgrade_tariff');
  });

  it('does nothing on a missing variable without onAsk', () => {
    const el = show({ text: '{x}' });
    expect(() => (el.querySelector('button') as HTMLButtonElement).click()).not.toThrow();
  });

  it('updates when the values change', () => {
    const el = show({ text: 'Тариф {tariff}', values: {} });
    expect(el.querySelector('button')).not.toBeNull();
    render(h(RichText, { text: 'Тариф {tariff}', values: { tariff: 'Домашний 200' } }), el);
    expect(el.querySelector('button')).toBeNull();
    expect(el.textContent).toBe('Тариф Домашний 200');
  });
});
