// A changed text, word by word: removed words struck through, added ones marked, built as <del>
// and <ins> elements around text nodes (the texts are authored content, never markup).
import { diffWords } from '../../lib/content/diff';

type Props = { before: string; after: string };

export function DiffText({ before, after }: Props) {
  const parts = diffWords(before, after);
  return (
    <span class="diff-text" data-testid="diff-text">
      {parts.map((part, index) =>
        part.op === 'add' ? (
          <ins key={index} class="diff-add">
            {part.text}
          </ins>
        ) : part.op === 'del' ? (
          <del key={index} class="diff-del">
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
