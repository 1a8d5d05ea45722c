// Renders authored rich text (lib/content/rich-text.ts) as elements: <p>, <br>, <ul><li>,
// <strong>, filled variables as <span>, a missing variable as a button that asks the operator for
// it. Text only ever becomes text nodes; there is no HTML string anywhere on this path (R17).
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { parseRichText, type RichInline } from '@/lib/content/rich-text';
import type { VariableValues } from '@/lib/content/variables';

interface Props {
  text: string;
  values?: VariableValues;
  /** The missing variable's button label; default: the name with "_" as spaces. */
  missingLabel?: (name: string) => string;
  /** Called when the operator presses a missing variable's button. */
  onAsk?: (name: string) => void;
}

type Labeler = (name: string) => string;

const defaultLabel: Labeler = (name) => name.replace(/_/g, ' ');

export function RichText({ text, values, missingLabel = defaultLabel, onAsk }: Props) {
  const blocks = useMemo(() => parseRichText(text, values), [text, values]);
  return (
    <>
      {blocks.map((block, b) =>
        block.kind === 'para' ? (
          <p key={b}>
            {block.lines.map((line, l) => [l > 0 ? <br key={`br${l}`} /> : null, inlines(line, missingLabel, onAsk)])}
          </p>
        ) : (
          <ul key={b}>
            {block.items.map((item, i) => (
              <li key={i}>{inlines(item, missingLabel, onAsk)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

function inlines(
  nodes: RichInline[],
  label: Labeler,
  onAsk: ((name: string) => void) | undefined,
): (string | JSX.Element)[] {
  return nodes.map((node, i) => {
    // A string child becomes a text node: markup characters in it are never interpreted.
    if (node.kind === 'text') return node.text;
    if (node.kind === 'bold') return <strong key={i}>{inlines(node.children, label, onAsk)}</strong>;
    if (node.value !== null) {
      return (
        <span key={i} class="rt-var">
          {node.value}
        </span>
      );
    }
    const name = node.name;
    return (
      <button key={i} type="button" class="rt-missing" data-var={name} onClick={() => onAsk?.(name)}>
        {label(name)}
      </button>
    );
  });
}
