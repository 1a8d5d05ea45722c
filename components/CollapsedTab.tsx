// The slim tab the panel folds into: shows a live-call dot and the untagged count, expands on click.
import { usePanelI18n } from '@/lib/panel/i18n-context';

interface Props {
  inCall: boolean;
  untagged: number;
  onExpand: () => void;
}

export function CollapsedTab({ inCall, untagged, onExpand }: Props) {
  const { t } = usePanelI18n();
  return (
    <button
      type="button"
      class="collapsed"
      data-testid="expand"
      title={t('expand')}
      aria-label={t('expand')}
      onClick={onExpand}
    >
      <span class="collapsed__arrow">{'\u00ab'}</span>
      {inCall && <span class="collapsed__live" />}
      {untagged > 0 && <span class="collapsed__count">{untagged}</span>}
    </button>
  );
}
