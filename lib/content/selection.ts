// Which script modules the panel suggests for the call in front of the operator: the ones that fit
// its type (the last tag) and context (balance, an upgrade for the tariff), in the order the
// operator needs them. Runs on every tag press, so it is one pass, one numeric sort, no strings.
import type { CallRecord } from '../schema/call';
import type { ModuleStage, ScriptModule, ScriptSet, TariffCatalogue } from '../schema/content';
import { matchTariff, parseMoney, upgradeFor } from './variables';

export interface ModuleContext {
  /** The call's last tag; null before the call is tagged. */
  callTypeId: string | null;
  /** The balance the page showed, parsed; null when unknown. */
  balance: number | null;
  /** The catalogue has an active upgrade for the subscriber's tariff. */
  hasUpgrade: boolean;
}

export const NO_CONTEXT: ModuleContext = { callTypeId: null, balance: null, hasUpgrade: false };

export function moduleContext(call: CallRecord | null, catalogue: TariffCatalogue | null): ModuleContext {
  if (!call) return NO_CONTEXT;
  const last = call.tags[call.tags.length - 1];
  const balance = call.subscriber.balance;
  return {
    callTypeId: last ? last.typeId : null,
    balance: balance === undefined ? null : parseMoney(balance),
    hasUpgrade: upgradeFor(catalogue, matchTariff(catalogue, call.subscriber.tariff)) !== null,
  };
}

export function moduleFits(module: ScriptModule, ctx: ModuleContext): boolean {
  const when = module.when;
  if (when.callTypes.length > 0 && (ctx.callTypeId === null || !when.callTypes.includes(ctx.callTypeId))) {
    return false;
  }
  if (when.balance === 'negative' && !(ctx.balance !== null && ctx.balance < 0)) return false;
  if (when.balance === 'nonnegative' && !(ctx.balance !== null && ctx.balance >= 0)) return false;
  if (when.needsUpgrade && !ctx.hasUpgrade) return false;
  return true;
}

const STAGE_ORDER: Record<ModuleStage, number> = { opening: 0, needs: 1, offer: 2, objection: 3, closing: 4 };

/**
 * Modules that fit, best first: type-specific before generic; within each, a module whose balance
 * condition matched before one for any balance; then by stage (opening → closing); then the
 * authors' order. `limit` caps the answer.
 */
export function suggestModules(set: ScriptSet, ctx: ModuleContext, limit = Number.POSITIVE_INFINITY): ScriptModule[] {
  const modules = set.modules;
  const ranks: number[] = [];
  // A rank is (group, stage) × span + the authors' index: one number per module, a numeric sort.
  const span = modules.length;
  for (let i = 0; i < modules.length; i++) {
    const module = modules[i]!;
    if (!moduleFits(module, ctx)) continue;
    const generic = module.when.callTypes.length === 0 ? 1 : 0;
    const anyBalance = module.when.balance === 'any' ? 1 : 0;
    const group = generic * 2 + anyBalance;
    ranks.push((group * 5 + STAGE_ORDER[module.stage]) * span + i);
  }
  ranks.sort((a, b) => a - b);
  const count = Math.min(ranks.length, Math.max(0, Math.floor(limit) || 0));
  const out: ScriptModule[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = modules[ranks[k]! % span]!;
  return out;
}
