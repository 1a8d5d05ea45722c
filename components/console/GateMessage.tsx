// What the console shows instead of the editor when it cannot be used: nobody logged in (with the
// way to the options page), or an operator's session.
type Props = {
  testId: string;
  text: string;
  link?: { href: string; label: string };
};

export function GateMessage({ testId, text, link }: Props) {
  return (
    <section class="card" data-testid={testId}>
      <p>{text}</p>
      {link && (
        <p>
          <a class="button-link" data-testid="console-open-options" href={link.href}>
            {link.label}
          </a>
        </p>
      )}
    </section>
  );
}
