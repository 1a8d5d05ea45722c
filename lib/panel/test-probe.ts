// Measurement hooks for the real-browser tests and the benchmark, compiled in only for the
// `e2e` build mode (the production build gets no-ops and a closed shadow root).
export interface TestProbe {
  attach(host: HTMLElement): void;
  ready(): void;
  /** Keystroke -> confirmed tag on screen: `data-tag-latencies` on the host. */
  tagShown(latencyMs: number): void;
  /** Tag keystroke -> the matching module on screen: `data-module-latencies`. */
  moduleShown(latencyMs: number): void;
  /** Keystroke in the module search -> its results on screen: `data-search-latencies`. */
  searchShown(latencyMs: number): void;
  /** Outcome pressed -> the plan view updated on screen: `data-plan-latencies`. */
  planShown(latencyMs: number): void;
}

const noop: TestProbe = { attach() {}, ready() {}, tagShown() {}, moduleShown() {}, searchShown() {}, planShown() {} };

export function createTestProbe(): TestProbe {
  if (import.meta.env.MODE !== 'e2e') return noop;
  let host: HTMLElement | null = null;
  /** A list of latencies kept as a comma-separated host attribute, each rounded to 0.01 ms. */
  const recorder = (attribute: string) => {
    const list: number[] = [];
    return (latencyMs: number) => {
      list.push(Math.round(latencyMs * 100) / 100);
      host?.setAttribute(attribute, list.join(','));
    };
  };
  return {
    tagShown: recorder('data-tag-latencies'),
    moduleShown: recorder('data-module-latencies'),
    searchShown: recorder('data-search-latencies'),
    planShown: recorder('data-plan-latencies'),
    attach(element) {
      host = element;
    },
    ready() {
      document.documentElement.dataset.opPanelReadyAt ??= String(performance.now());
    },
  };
}
