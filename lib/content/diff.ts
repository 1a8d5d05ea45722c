// What changed between two versions of a content document, for the console's version history:
// entries keyed by the ids inside the document (modules, objections and their answers, checklist
// sections and items, tariffs and services, classifier types), field by field, plus a word diff
// of long texts. Console only: it pulls in the `diff` package, which the panel must not carry.
import { diffWords as jsDiffWords } from 'diff';
import type { DocumentKind } from '../schema/api';
import { Classifier } from '../schema/classifier';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '../schema/content';
import { PlanDocument } from '../schema/plan';

export interface DiffEntry {
  /** `module:<id>`, `objection:<id>`, `answer:<objection>/<answer>`, `section:<id>`, `item:<id>`,
   *  `tariff:<id>`, `service:<id>`, `type:<id>`, or `document` for the document's own fields. */
  key: string;
  /** What a person recognises the thing by (its title, text or name). */
  label: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** The changed field (`changed`), or `section` when an item moved to another section. */
  field?: string;
  before?: string;
  after?: string;
}

export interface WordChange {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** One thing inside a document, flattened: its fields as text, and the list it is ordered in. */
interface Node {
  key: string;
  label: string;
  /** The list it is ordered within (e.g. its objection's answers); moves are counted per group. */
  group: string;
  /** What a person sees of the group (section title), reported when a node changes group. */
  groupLabel: string;
  /** The field shown for an added or removed node. */
  summary: string;
  fields: Record<string, string>;
}

const flag = (value: boolean) => (value ? 'yes' : 'no');
const list = (values: readonly string[]) => values.join(', ');

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, body: unknown) {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

function scriptNodes(body: unknown): Node[] {
  const set = parse(ScriptSet, body);
  if (!set) return [];
  return set.modules.map((m) => ({
    key: `module:${m.id}`,
    label: m.title,
    group: '',
    groupLabel: '',
    summary: m.text,
    fields: {
      title: m.title,
      stage: m.stage,
      offer: m.offer,
      callTypes: list(m.when.callTypes),
      balance: m.when.balance,
      needsUpgrade: flag(m.when.needsUpgrade),
      text: m.text,
      branches: m.branches.map((b) => `${b.when} → ${b.goto}`).join('\n'),
      keywords: list(m.keywords),
    },
  }));
}

function objectionNodes(body: unknown): Node[] {
  const set = parse(ObjectionSet, body);
  if (!set) return [];
  return set.objections.flatMap((o) => [
    {
      key: `objection:${o.id}`,
      label: o.title,
      group: '',
      groupLabel: '',
      summary: o.title,
      fields: { title: o.title, callTypes: list(o.callTypes) },
    },
    ...o.answers.map((a) => ({
      key: `answer:${o.id}/${a.id}`,
      label: `${o.title} · ${a.id}`,
      group: `objection:${o.id}`,
      groupLabel: o.title,
      summary: a.text,
      fields: { text: a.text },
    })),
  ]);
}

function checklistNodes(body: unknown): Node[] {
  const checklist = parse(Checklist, body);
  if (!checklist) return [];
  const doc: Node = {
    key: 'document',
    label: checklist.title,
    group: 'document',
    groupLabel: '',
    summary: checklist.title,
    fields: { title: checklist.title },
  };
  return [
    doc,
    ...checklist.sections.flatMap((s) => [
      {
        key: `section:${s.id}`,
        label: s.title,
        group: '',
        groupLabel: '',
        summary: s.title,
        fields: { title: s.title },
      },
      ...s.items.map((i) => ({
        key: `item:${i.id}`,
        label: i.text,
        group: `section:${s.id}`,
        groupLabel: s.title,
        summary: i.text,
        fields: {
          text: i.text,
          hint: i.hint,
          weight: String(i.weight),
          critical: flag(i.critical),
          naAllowed: flag(i.naAllowed),
        },
      })),
    ]),
  ];
}

function tariffNodes(body: unknown): Node[] {
  const catalogue = parse(TariffCatalogue, body);
  if (!catalogue) return [];
  return [
    {
      key: 'document',
      label: catalogue.currency,
      group: 'document',
      groupLabel: '',
      summary: catalogue.currency,
      fields: { currency: catalogue.currency },
    },
    ...catalogue.tariffs.map((t) => ({
      key: `tariff:${t.id}`,
      label: t.name,
      group: 'tariffs',
      groupLabel: '',
      summary: t.name,
      fields: {
        name: t.name,
        aliases: list(t.aliases),
        kind: t.kind,
        monthly: String(t.monthly),
        speedMbps: t.speedMbps === null ? '' : String(t.speedMbps),
        upgradeTo: t.upgradeTo ?? '',
        active: flag(t.active),
      },
    })),
    ...catalogue.services.map((s) => ({
      key: `service:${s.id}`,
      label: s.name,
      group: 'services',
      groupLabel: '',
      summary: s.name,
      fields: { name: s.name, kind: s.kind, monthly: String(s.monthly) },
    })),
  ];
}

function classifierNodes(body: unknown): Node[] {
  const classifier = parse(Classifier, body);
  if (!classifier) return [];
  return classifier.types.map((t) => ({
    key: `type:${t.id}`,
    label: t.names.ru,
    group: '',
    groupLabel: '',
    summary: t.names.ru,
    fields: { 'names.ru': t.names.ru, 'names.en': t.names.en, 'names.pl': t.names.pl, key: t.key ?? '' },
  }));
}

function planNodes(body: unknown): Node[] {
  const plan = parse(PlanDocument, body);
  if (!plan) return [];
  const node = (key: string, label: string, fields: Record<string, string>): Node => ({
    key,
    label,
    group: '',
    groupLabel: '',
    summary: Object.values(fields).join(' · '),
    fields,
  });
  const { formula, targets, pay } = plan;
  return [
    node('formula', 'formula', {
      month: plan.month,
      expectedConnections: String(formula.expectedConnections),
      connectionsSource: formula.connectionsSource,
      averageCheck: String(formula.averageCheck),
      uplift: String(formula.uplift),
    }),
    node('targets', 'targets', Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, String(v ?? '')]))),
    node('pay', 'pay', {
      fixed: String(pay.fixed),
      bonus: String(pay.bonus),
      measure: pay.measure,
      scale: pay.scale.map((p) => `${p.attainment}→${p.share}`).join(', '),
      effectiveCallMs: String(plan.effectiveCallMs),
    }),
    ...plan.operators.map((o) =>
      node(`operator:${o.userId}`, o.name, {
        shifts: String(o.shifts),
        revenue: String(o.revenue),
        sales: String(o.sales),
        effectiveCalls: String(o.effectiveCalls),
        connections: String(o.connections ?? ''),
        upgrades: String(o.upgrades ?? ''),
      }),
    ),
  ];
}

const NODES: Record<DocumentKind, (body: unknown) => Node[]> = {
  scripts: scriptNodes,
  objections: objectionNodes,
  checklist: checklistNodes,
  tariffs: tariffNodes,
  classifier: classifierNodes,
  plan: planNodes,
};

/**
 * Indices (into `seq`) of a longest increasing subsequence: the nodes that kept their relative
 * order. Every other common node is reported as moved.
 */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}

/** Nodes of one group that are in both versions, in the new order, with their old positions. */
function movedKeys(before: Node[], after: Node[]): Map<string, { from: number; to: number }> {
  const moved = new Map<string, { from: number; to: number }>();
  const groups = new Set(after.map((n) => n.group));
  for (const group of groups) {
    const oldOrder = before.filter((n) => n.group === group).map((n) => n.key);
    const newOrder = after.filter((n) => n.group === group).map((n) => n.key);
    const common = newOrder.filter((key) => oldOrder.includes(key));
    const oldCommon = oldOrder.filter((key) => common.includes(key));
    const seq = common.map((key) => oldCommon.indexOf(key));
    const kept = longestIncreasing(seq);
    common.forEach((key, i) => {
      if (!kept.has(i)) moved.set(key, { from: oldOrder.indexOf(key) + 1, to: newOrder.indexOf(key) + 1 });
    });
  }
  return moved;
}

/**
 * The changes from `before` to `after` (bodies of `kind`; null or an invalid body counts as
 * empty): in the new document's order, removed things last.
 */
export function diffContent(kind: DocumentKind, before: unknown, after: unknown): DiffEntry[] {
  const oldNodes = NODES[kind](before);
  const newNodes = NODES[kind](after);
  const oldByKey = new Map(oldNodes.map((n) => [n.key, n]));
  const newKeys = new Set(newNodes.map((n) => n.key));
  const moved = movedKeys(
    oldNodes,
    newNodes.filter((n) => oldByKey.get(n.key)?.group === n.group),
  );
  const entries: DiffEntry[] = [];
  for (const node of newNodes) {
    const old = oldByKey.get(node.key);
    if (!old) {
      // A document's own fields have no "added": an empty old version compares field by field.
      if (node.key === 'document') {
        for (const [field, value] of Object.entries(node.fields)) {
          entries.push({ key: node.key, label: node.label, change: 'changed', field, before: '', after: value });
        }
      } else {
        entries.push({ key: node.key, label: node.label, change: 'added', after: node.summary });
      }
      continue;
    }
    if (old.group !== node.group) {
      entries.push({
        key: node.key,
        label: node.label,
        change: 'moved',
        field: 'section',
        before: old.groupLabel,
        after: node.groupLabel,
      });
    }
    const move = moved.get(node.key);
    if (move) {
      entries.push({
        key: node.key,
        label: node.label,
        change: 'moved',
        before: String(move.from),
        after: String(move.to),
      });
    }
    for (const [field, value] of Object.entries(node.fields)) {
      const was = old.fields[field] ?? '';
      if (was !== value)
        entries.push({ key: node.key, label: node.label, change: 'changed', field, before: was, after: value });
    }
  }
  for (const node of oldNodes) {
    if (!newKeys.has(node.key))
      entries.push({ key: node.key, label: node.label, change: 'removed', before: node.summary });
  }
  return entries;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Word-level diff of two texts, whitespace kept, so the console can show a changed module text
 * with deletions struck through. Words are found by `Intl.Segmenter`, which knows Cyrillic.
 */
export function diffWords(before: string, after: string): WordChange[] {
  segmenter ??= new Intl.Segmenter('ru', { granularity: 'word' });
  const out: WordChange[] = [];
  for (const part of jsDiffWords(before, after, { intlSegmenter: segmenter })) {
    const op = part.added ? 'add' : part.removed ? 'del' : 'same';
    const last = out[out.length - 1];
    if (last?.op === op) last.text += part.value;
    else if (part.value !== '') out.push({ op, text: part.value });
  }
  return out;
}
