// Measurement hooks for the real-browser tests and the benchmark, compiled in only for the
// `e2e` build mode (the production build gets no-ops and a closed shadow root).
export interface TestProbe {
  attach(host: HTMLElement): void;
  ready(): void;
  tagShown(latencyMs: number): void;
}

const noop: TestProbe = { attach() {}, ready() {}, tagShown() {} };

export function createTestProbe(): TestProbe {
  if (import.meta.env.MODE !== 'e2e') return noop;
  let host: HTMLElement | null = null;
  const latencies: number[] = [];
  return {
    attach(element) {
      host = element;
    },
    ready() {
      document.documentElement.dataset.opPanelReadyAt ??= String(performance.now());
    },
    tagShown(latencyMs) {
      latencies.push(Math.round(latencyMs * 100) / 100);
      host?.setAttribute('data-tag-latencies', latencies.join(','));
    },
  };
}
