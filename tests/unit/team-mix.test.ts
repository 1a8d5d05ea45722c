// The team's tariff mix for the panel's warning: the report's counts weighed like the operator's
// own sales, fetched in the background at most every half hour, never waited for, retried sooner
// after a failure.
import { describe, expect, it, vi } from 'vitest';
import { createTeamMix, teamShare } from '@/lib/background/team-mix';
import { DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { cheapShare } from '@/lib/plan/mix';
import type { TariffMixReport } from '@/lib/schema/reports';

const active = [...DEFAULT_TARIFFS.tariffs].filter((t) => t.active).sort((a, b) => a.monthly - b.monthly);
const cheap = active[0]!;
const dear = active.at(-1)!;
const report: TariffMixReport = {
  rows: [
    { itemId: cheap.id, kind: 'connection', sales: 3 },
    { itemId: dear.id, kind: 'upgrade', sales: 9 },
    { itemId: 'router', kind: 'equipment', sales: 50 },
  ],
};

describe('team mix', () => {
  it('weighs each tariff by its sales count, as the operator side counts single sales', () => {
    const expected = cheapShare(
      [
        ...Array.from({ length: 3 }, () => ({ kind: 'connection' as const, itemId: cheap.id })),
        ...Array.from({ length: 9 }, () => ({ kind: 'upgrade' as const, itemId: dear.id })),
      ],
      DEFAULT_TARIFFS,
    );
    expect(teamShare(report, DEFAULT_TARIFFS)).toEqual(expected);
    expect(expected).toEqual({ share: 0.25, counted: 12 });
  });

  it('answers from memory, fetches when due, and retries sooner after a failure', async () => {
    const fetchMix = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(report);
    const mix = createTeamMix(fetchMix);
    expect(mix.current(DEFAULT_TARIFFS, 0)).toBeNull();
    await vi.waitFor(() => expect(fetchMix).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    // Failed: nothing known, and no new request before the retry delay.
    expect(mix.current(DEFAULT_TARIFFS, 60_000)).toBeNull();
    expect(fetchMix).toHaveBeenCalledTimes(1);
    mix.current(DEFAULT_TARIFFS, 5 * 60_000 + 1);
    await vi.waitFor(() => expect(mix.current(DEFAULT_TARIFFS, 5 * 60_000 + 2)).toEqual({ share: 0.25, counted: 12 }));
    expect(fetchMix).toHaveBeenCalledTimes(2);
    // Fresh for half an hour.
    mix.current(DEFAULT_TARIFFS, 20 * 60_000);
    expect(fetchMix).toHaveBeenCalledTimes(2);
  });
});
