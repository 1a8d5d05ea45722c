// Retry delays after a failed sync (R06): exponential from 1 s, capped at 60 s, with jitter so a
// room full of panels that lost the network together does not come back in lockstep.

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 60_000;

/**
 * Delay before retry number `attempt` (0 for the first retry): half of the exponential step is
 * fixed and half random ("equal jitter"), so a retry never comes immediately.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (step / 2) * random());
}
