// @vitest-environment happy-dom
// R17: authored and page-supplied text only ever renders as text. Hostile strings go through every
// place RichText takes text from (the authored text in every markup context, variable values,
// the missing-variable label) and the output may hold only p/br/ul/li/strong/span/button, no
// event-handler, href or src attribute, and the hostile text verbatim as text.
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RichText } from '@/components/RichText';
import { parseRichText, type RichInline } from '@/lib/content/rich-text';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><img src=x onerror=alert(1)>',
  "'; alert(1); //",
  '<div style="background:url(javascript:alert(1))">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<b onmouseover=x>',
  '![img](x" onerror="alert(1))',
  '<style>*{display:none}</style>',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  '\u202e<img src=x>\u0000',
  'A'.repeat(4000),
  '<img src=x onerror=alert(1)>'.repeat(100),
];

const ALLOWED_TAGS = new Set(['P', 'BR', 'UL', 'LI', 'STRONG', 'SPAN', 'BUTTON']);
const ALLOWED_ATTRIBUTES = new Set(['class', 'type', 'data-var']);

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

function show(props: Parameters<typeof RichText>[0]): HTMLElement {
  if (root) render(null, root);
  root?.remove();
  root = document.createElement('div');
  document.body.append(root);
  render(h(RichText, props), root);
  return root;
}

/** The R17 invariants on everything rendered under `el`. */
function expectSafe(el: HTMLElement): void {
  for (const node of el.querySelectorAll('*')) {
    expect(ALLOWED_TAGS.has(node.tagName), `unexpected <${node.tagName}>`).toBe(true);
    for (const attr of node.getAttributeNames()) {
      expect(attr.toLowerCase().startsWith('on'), `attribute ${attr}`).toBe(false);
      expect(['href', 'src', 'style', 'srcdoc'].includes(attr.toLowerCase()), `attribute ${attr}`).toBe(false);
      expect(ALLOWED_ATTRIBUTES.has(attr), `attribute ${attr}`).toBe(true);
    }
    if (node.tagName === 'BUTTON') expect(node.getAttribute('type')).toBe('button');
  }
}

/** Markup contexts the authored text can put a payload in; `shown` is what must read as text. */
const CONTEXTS: { wrap: (p: string) => string; shown: (p: string) => string }[] = [
  { wrap: (p) => p, shown: (p) => p },
  { wrap: (p) => `Текст ${p} текст`, shown: (p) => `Текст ${p} текст` },
  { wrap: (p) => `**${p}**`, shown: (p) => p },
  { wrap: (p) => `- ${p}\n- ещё`, shown: (p) => p },
  { wrap: (p) => `первая\n${p}\n\nвторой абзац`, shown: (p) => p },
  { wrap: (p) => `**жирно** ${p} {first_name}`, shown: (p) => p },
];

describe('R17: hostile text renders as text', () => {
  it('in the authored text, in every markup context', () => {
    for (const payload of PAYLOADS) {
      for (const context of CONTEXTS) {
        const el = show({ text: context.wrap(payload), values: { first_name: 'Мария' } });
        expectSafe(el);
        expect(el.textContent).toContain(context.shown(payload));
      }
    }
  });

  it('in variable values, in every markup context, without re-parsing the value', () => {
    const templates = ['{name}', 'Здравствуйте, {name}!', '**{name}**', '- {name}\n- {contract}', 'a\n{name}\n\nb'];
    for (const payload of [...PAYLOADS, '**bold?**', '{contract}', '- not a list', 'line\nbreak']) {
      for (const template of templates) {
        const el = show({ text: template, values: { name: payload, contract: '<svg onload=alert(2)>' } });
        expectSafe(el);
        const spans = [...el.querySelectorAll('span.rt-var')].map((s) => s.textContent);
        expect(spans).toContain(payload);
        expect(el.querySelector('strong strong')).toBeNull();
      }
    }
  });

  it('in the missing-variable label', () => {
    for (const payload of PAYLOADS) {
      const el = show({ text: 'Доплата {price_delta} ₽', values: {}, missingLabel: () => payload });
      expectSafe(el);
      expect(el.querySelector('button.rt-missing')!.textContent).toBe(payload);
    }
  });

  it('never shows the braces of a missing variable', () => {
    for (const payload of PAYLOADS) {
      const el = show({ text: `${payload} {upgrade_tariff} **{price_delta}**`, values: {} });
      expectSafe(el);
      expect(el.textContent).not.toContain('{upgrade_tariff}');
      expect(el.textContent).not.toContain('{price_delta}');
      expect(el.querySelectorAll('button.rt-missing')).toHaveLength(2);
    }
  });

  it('survives random mixes of markup and payloads (seeded)', () => {
    const tokens = [
      '**',
      '*',
      '- ',
      '* ',
      '\n',
      '\n\n',
      '{name}',
      '{missing}',
      '{',
      '}',
      '<',
      '>',
      '"',
      'javascript:',
      'on',
      '=',
      ' ',
      'текст',
      ...PAYLOADS.slice(0, 12),
    ];
    let seed = 17;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = 1 + (next() % 40);
      for (let i = 0; i < length; i++) text += tokens[next() % tokens.length];
      const name = PAYLOADS[next() % PAYLOADS.length]!;
      const el = show({ text, values: { name } });
      expectSafe(el);
      // Every character of the input that is not markup is still there, in order of the blocks.
      const visible = el.textContent ?? '';
      for (const word of text.split(/\*\*|[\n{}]|^\s*[-*]\s+/m)) {
        if (/^[^\s*-]{3,}$/.test(word) && !/^(name|missing)$/.test(word)) expect(visible).toContain(word);
      }
    }
  });

  it('parses hostile text into text nodes only, verbatim, and values unchanged', () => {
    const flatten = (nodes: RichInline[]): string =>
      nodes.map((n) => (n.kind === 'text' ? n.text : n.kind === 'bold' ? flatten(n.children) : `[${n.name}]`)).join('');
    for (const payload of PAYLOADS) {
      const blocks = parseRichText(payload);
      expect(blocks).toHaveLength(1);
      const block = blocks[0]!;
      expect(block.kind).toBe('para');
      if (block.kind !== 'para') continue;
      const hasVariable = /\{[A-Za-z_]/.test(payload);
      if (!hasVariable) expect(block.lines.map(flatten).join('\n')).toBe(payload);
      const withValue = parseRichText('{name}', { name: payload });
      expect(withValue).toEqual([{ kind: 'para', lines: [[{ kind: 'var', name: 'name', value: payload }]] }]);
    }
  });

  it('parses very long and deeply unbalanced input in linear time', () => {
    const nasty = [
      '**'.repeat(5000),
      `${'**x'.repeat(3000)}`,
      `${'{'.repeat(4000)}x${'}'.repeat(4000)}`,
      '- '.repeat(4000),
    ];
    for (const text of nasty) {
      const started = performance.now();
      const blocks = parseRichText(text, {});
      expect(performance.now() - started).toBeLessThan(200);
      expect(blocks.length).toBeGreaterThan(0);
      expectSafe(show({ text }));
    }
  });
});
