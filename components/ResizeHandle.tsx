// Drag the panel's left edge to change its width; the width is saved when the drag ends.
import { useRef } from 'preact/hooks';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH } from '@/lib/schema/settings';

interface Props {
  width: number;
  onPreview: (width: number) => void;
  onCommit: (width: number) => void;
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, width)));
}

export function ResizeHandle({ width, onPreview, onCommit }: Props) {
  const { t } = usePanelI18n();
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable vertical splitter; <hr> cannot take pointer capture styling
    <div
      class="resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('resize')}
      data-testid="resize"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { startX: e.clientX, startWidth: width, width };
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        drag.current.width = clampWidth(drag.current.startWidth + drag.current.startX - e.clientX);
        onPreview(drag.current.width);
      }}
      onPointerUp={() => {
        if (drag.current) onCommit(drag.current.width);
        drag.current = null;
      }}
    />
  );
}
