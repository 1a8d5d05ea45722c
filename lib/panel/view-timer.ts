// How long each script module stays open during a call, for `script.view`. A module that opens
// is reported at once with 0 ms (the call records it as shown); the time it was open is reported
// when it closes, when the call ends or changes, and every FLUSH_MS while it stays open, so a
// closed tab or a stopped worker loses at most that much.

export const FLUSH_MS = 10_000;

export type ViewReport = (callId: string, moduleId: string, openMs: number) => void;

export interface ViewTimer {
  /**
   * The modules on screen now, for this active call (null: none, so nothing is counted). Reports
   * the ones that opened and the ones that closed since the last call.
   */
  show(callId: string | null, moduleIds: readonly string[]): void;
  /** Report the time of everything open so far and start counting again. */
  flush(): void;
}

export function createViewTimer(report: ViewReport, now: () => number = () => performance.now()): ViewTimer {
  let current: string | null = null;
  /** Open module -> when its time was last reported. */
  const since = new Map<string, number>();

  const settle = (moduleId: string, at: number) => {
    const from = since.get(moduleId);
    if (current === null || from === undefined) return;
    const openMs = Math.round(at - from);
    if (openMs > 0) report(current, moduleId, openMs);
  };

  return {
    show(callId, moduleIds) {
      const at = now();
      if (callId !== current) {
        for (const moduleId of since.keys()) settle(moduleId, at);
        since.clear();
        current = callId;
      }
      for (const moduleId of [...since.keys()]) {
        if (moduleIds.includes(moduleId)) continue;
        settle(moduleId, at);
        since.delete(moduleId);
      }
      for (const moduleId of moduleIds) {
        if (since.has(moduleId)) continue;
        since.set(moduleId, at);
        if (current !== null) report(current, moduleId, 0);
      }
    },
    flush() {
      const at = now();
      for (const moduleId of since.keys()) {
        settle(moduleId, at);
        since.set(moduleId, at);
      }
    },
  };
}
