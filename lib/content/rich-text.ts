// Authored text (modules, objection answers, checklist hints) as a tiny tree: paragraphs, line
// breaks, "- " lists, **bold** and `{variables}`. Nothing else is markup: tags, links and other
// markdown stay literal text, and the tree is rendered as elements (components/RichText.tsx),
// never as HTML (R17).
import { VARIABLE_PATTERN, type VariableValues, variableValue } from './variables';

export type RichInline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: RichInline[] }
  | { kind: 'var'; name: string; value: string | null };

export type RichBlock = { kind: 'para'; lines: RichInline[][] } | { kind: 'list'; items: RichInline[][] };

const LIST_ITEM = /^\s*[-*]\s+/;

/** Parses authored text; `{var}` gets its value from `values` (null when missing). */
export function parseRichText(text: string, values?: VariableValues): RichBlock[] {
  const blocks: RichBlock[] = [];
  let current: RichBlock | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (current?.kind !== 'list') {
        current = { kind: 'list', items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline(line.slice(item[0].length), values));
    } else {
      if (current?.kind !== 'para') {
        current = { kind: 'para', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line, values));
    }
  }
  return blocks;
}

/** One line: `**…**` pairs become bold (an unpaired or empty `**` stays text), then variables. */
export function parseInline(line: string, values?: VariableValues): RichInline[] {
  const out: RichInline[] = [];
  let pos = 0;
  while (pos < line.length) {
    const open = line.indexOf('**', pos);
    if (open < 0) break;
    const close = line.indexOf('**', open + 2);
    if (close < 0) break;
    if (close === open + 2) {
      // "****" has nothing to make bold: keep it as text and go on after it.
      pushText(out, line.slice(pos, close + 2), values);
      pos = close + 2;
      continue;
    }
    pushText(out, line.slice(pos, open), values);
    const children: RichInline[] = [];
    pushText(children, line.slice(open + 2, close), values);
    out.push({ kind: 'bold', children });
    pos = close + 2;
  }
  pushText(out, line.slice(pos), values);
  return out;
}

/** Appends plain text with its variables, merging adjacent text nodes. */
function pushText(out: RichInline[], text: string, values: VariableValues | undefined): void {
  if (text === '') return;
  let pos = 0;
  for (const match of text.matchAll(VARIABLE_PATTERN)) {
    appendText(out, text.slice(pos, match.index));
    const name = match[1]!;
    out.push({ kind: 'var', name, value: variableValue(values, name) });
    pos = match.index + match[0].length;
  }
  appendText(out, text.slice(pos));
}

function appendText(out: RichInline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

/** The text as the operator would read it aloud: markup dropped, variables filled (or `{name}`). */
export function richPlainText(blocks: RichBlock[]): string {
  const inline = (nodes: RichInline[]): string =>
    nodes
      .map((n) => (n.kind === 'text' ? n.text : n.kind === 'bold' ? inline(n.children) : (n.value ?? `{${n.name}}`)))
      .join('');
  return blocks
    .map((b) => (b.kind === 'para' ? b.lines.map(inline).join('\n') : b.items.map((i) => `- ${inline(i)}`).join('\n')))
    .join('\n\n');
}

/** Variables the parsed text uses that have no value, in order, each once. */
export function missingVariables(blocks: RichBlock[]): string[] {
  const names: string[] = [];
  const visit = (nodes: RichInline[]) => {
    for (const n of nodes) {
      if (n.kind === 'bold') visit(n.children);
      else if (n.kind === 'var' && n.value === null && !names.includes(n.name)) names.push(n.name);
    }
  };
  for (const b of blocks) for (const row of b.kind === 'para' ? b.lines : b.items) visit(row);
  return names;
}
