// The bonus part of pay read off the plan's scale (DOMAIN.md "Plan, control and pay": none at
// ≤ 40 % of plan, all of it at 100 %; points above 100 % are accelerators). The scale is data in the
// plan document, so the panel and the lead's reports compute the same amount offline.
import * as z from 'zod/mini';
import { BonusPoint, type PayRule } from '../schema/plan';

const Scale = z.array(BonusPoint).check(
  z.minLength(1),
  z.refine(
    (points) => points.every((p, i) => i === 0 || p.attainment > points[i - 1]!.attainment),
    'points must be in increasing order of attainment',
  ),
);
const Attainment = z.number();

/**
 * The % of the bonus paid at `attainmentPercent` % of plan: linear between neighbouring points,
 * the first point's share below it and the last point's share above it. The result never leaves
 * the range of the two points around it, so it stays within the scale's shares and does not
 * decrease where the scale's shares do not.
 */
export function bonusShare(scale: readonly BonusPoint[], attainmentPercent: number): number {
  Scale.parse(scale);
  Attainment.parse(attainmentPercent);
  const first = scale[0]!;
  const last = scale[scale.length - 1]!;
  if (attainmentPercent <= first.attainment) return first.share;
  if (attainmentPercent >= last.attainment) return last.share;
  let i = 1;
  while (scale[i]!.attainment <= attainmentPercent) i++;
  const from = scale[i - 1]!;
  const to = scale[i]!;
  const share =
    from.share + ((to.share - from.share) * (attainmentPercent - from.attainment)) / (to.attainment - from.attainment);
  // Binary fractions can overshoot the segment by a last digit; keep it between its ends.
  return Math.min(Math.max(share, Math.min(from.share, to.share)), Math.max(from.share, to.share));
}

/** The bonus in whole units at `attainmentPercent` % of plan (only the rule's bonus and scale count). */
export function bonusAmount(pay: Pick<PayRule, 'bonus' | 'scale'>, attainmentPercent: number): number {
  return Math.round((pay.bonus * bonusShare(pay.scale, attainmentPercent)) / 100);
}
