// Splitting the panel's work into separate tasks on the page's main thread: a content script
// shares that thread with the CRM, and one task over 50 ms is a "long task" the operator feels.
// Between two tasks the browser can handle input and the page's own work.

interface YieldingScheduler {
  yield(): Promise<void>;
}

/** Resolves in a later task. Prefers `scheduler.yield()`, which resumes ahead of other queued work. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
