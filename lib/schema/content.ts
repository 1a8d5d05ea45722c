// What the operator reads during a call, as server documents: script (speech) modules, objection
// answers, the call checklist (quality form) and the tariff catalogue the modules' variables are
// filled from. Authored in the console by leads and trainers, published as immutable versions,
// pulled by every panel. Authored text is "rich text": plain text with a tiny formatting set
// (`**bold**`, lines starting with "- " as list items, line breaks), parsed by lib/content and
// rendered as elements, never as HTML (R17).
import * as z from 'zod/mini';
import { ShortText } from './primitives';

/** Ids inside a document (module, objection, answer, section, item, tariff): short slugs. */
export const ContentId = z.string().check(z.regex(/^[a-z0-9_-]{1,60}$/, 'id: lower-case letters, digits, _ or -'));
export type ContentId = z.infer<typeof ContentId>;

/** Authored text with `{variables}` and the whitelisted formatting; see lib/content/rich-text.ts. */
export const RichText = ShortText(4000);

/** Call type ids of the classifier; empty means "any call type". */
const CallTypeIds = z.array(ShortText(40)).check(z.maxLength(30));

// ---- Script modules ----

/** Where in the call a module is said; the panel orders suggestions by it. */
export const ModuleStage = z.enum(['opening', 'needs', 'offer', 'objection', 'closing']);
export type ModuleStage = z.infer<typeof ModuleStage>;

/** What a module offers; a module with an offer gets the outcome buttons (offered/accepted/...). */
export const OfferKind = z.enum(['none', 'upgrade', 'bundle', 'equipment', 'service', 'callback']);
export type OfferKind = z.infer<typeof OfferKind>;

/** The subscriber context a module fits; `any` everywhere means it always fits. */
export const ModuleWhen = z.object({
  callTypes: CallTypeIds,
  /** The balance the CRM page shows: negative (debt), non-negative, or either. */
  balance: z.enum(['any', 'negative', 'nonnegative']),
  /** Only when the tariff catalogue knows an upgrade for the subscriber's tariff. */
  needsUpgrade: z.boolean(),
});
export type ModuleWhen = z.infer<typeof ModuleWhen>;

/** "If the subscriber says X → module Y". */
export const ModuleBranch = z.object({ when: ShortText(200).check(z.minLength(1)), goto: ContentId });
export type ModuleBranch = z.infer<typeof ModuleBranch>;

export const ScriptModule = z.object({
  id: ContentId,
  title: ShortText(200).check(z.minLength(1)),
  stage: ModuleStage,
  offer: OfferKind,
  when: ModuleWhen,
  /** What to say; `{name}`, `{tariff}`, `{balance}`, `{upgrade_tariff}`, `{price_delta}`… */
  text: RichText.check(z.minLength(1)),
  branches: z.array(ModuleBranch).check(z.maxLength(10)),
  /** Extra words the keyboard search finds the module by. */
  keywords: z.array(ShortText(60)).check(z.maxLength(20)),
});
export type ScriptModule = z.infer<typeof ScriptModule>;

/** Document kind `scripts`: the modules of an organisation or team, in the authors' order. */
export const ScriptSet = z.object({ modules: z.array(ScriptModule).check(z.maxLength(1000)) }).check(
  z.refine((s) => new Set(s.modules.map((m) => m.id)).size === s.modules.length, 'module ids must be unique'),
  z.refine((s) => {
    const ids = new Set(s.modules.map((m) => m.id));
    return s.modules.every((m) => m.branches.every((b) => ids.has(b.goto)));
  }, 'a branch leads to a module that does not exist'),
);
export type ScriptSet = z.infer<typeof ScriptSet>;

// ---- Objections ----

export const ObjectionAnswer = z.object({ id: ContentId, text: RichText.check(z.minLength(1)) });
export type ObjectionAnswer = z.infer<typeof ObjectionAnswer>;

export const Objection = z.object({
  id: ContentId,
  /** What the subscriber says: «Дорого», «Я подумаю»… */
  title: ShortText(200).check(z.minLength(1)),
  callTypes: CallTypeIds,
  answers: z.array(ObjectionAnswer).check(z.minLength(1), z.maxLength(10)),
});
export type Objection = z.infer<typeof Objection>;

/** Document kind `objections`. */
export const ObjectionSet = z.object({ objections: z.array(Objection).check(z.maxLength(200)) }).check(
  z.refine((s) => new Set(s.objections.map((o) => o.id)).size === s.objections.length, 'objection ids must be unique'),
  z.refine(
    (s) => s.objections.every((o) => new Set(o.answers.map((a) => a.id)).size === o.answers.length),
    'answer ids must be unique within an objection',
  ),
);
export type ObjectionSet = z.infer<typeof ObjectionSet>;

// ---- Checklist (quality form) ----

export const ChecklistItem = z.object({
  id: ContentId,
  text: ShortText(500).check(z.minLength(1)),
  /** Optional explanation for the operator and the scorer. */
  hint: RichText,
  weight: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  /** Failing a critical item fails the whole call. */
  critical: z.boolean(),
  /** "Not applicable" may be chosen for this item. */
  naAllowed: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistSection = z.object({
  id: ContentId,
  title: ShortText(200).check(z.minLength(1)),
  items: z.array(ChecklistItem).check(z.minLength(1), z.maxLength(50)),
});
export type ChecklistSection = z.infer<typeof ChecklistSection>;

/** Document kind `checklist`. */
export const Checklist = z
  .object({
    title: ShortText(200).check(z.minLength(1)),
    sections: z.array(ChecklistSection).check(z.minLength(1), z.maxLength(20)),
  })
  .check(
    z.refine((c) => {
      const ids = c.sections.flatMap((s) => s.items.map((i) => i.id));
      return new Set(ids).size === ids.length;
    }, 'item ids must be unique across the checklist'),
  );
export type Checklist = z.infer<typeof Checklist>;

/** One answer to a checklist item, by the operator (self-check) or the lead (score). */
export const ChecklistMark = z.enum(['yes', 'no', 'na']);
export type ChecklistMark = z.infer<typeof ChecklistMark>;

export const ChecklistMarks = z.record(ContentId, ChecklistMark);
export type ChecklistMarks = z.infer<typeof ChecklistMarks>;

// ---- Tariff catalogue ----

export const Tariff = z.object({
  id: ContentId,
  /** As the CRM page shows it; the subscriber's tariff is matched by this name or an alias. */
  name: ShortText(200).check(z.minLength(1)),
  aliases: z.array(ShortText(200)).check(z.maxLength(10)),
  kind: z.enum(['internet', 'tv', 'bundle']),
  /** Monthly fee in whole roubles (or the organisation's currency). */
  monthly: z.number().check(z.int(), z.nonnegative(), z.maximum(1_000_000)),
  speedMbps: z.nullable(z.number().check(z.int(), z.positive())),
  /** The tariff the operator offers as the upgrade; null: none. */
  upgradeTo: z.nullable(ContentId),
  /** Still sold (an archived tariff can be a subscriber's but is never offered). */
  active: z.boolean(),
});
export type Tariff = z.infer<typeof Tariff>;

export const ExtraService = z.object({
  id: ContentId,
  name: ShortText(200).check(z.minLength(1)),
  kind: z.enum(['service', 'equipment']),
  monthly: z.number().check(z.int(), z.nonnegative(), z.maximum(1_000_000)),
});
export type ExtraService = z.infer<typeof ExtraService>;

/** Document kind `tariffs`: the catalogue leads maintain (modules' variables, later sales amounts). */
export const TariffCatalogue = z
  .object({
    currency: ShortText(8).check(z.minLength(1)),
    tariffs: z.array(Tariff).check(z.maxLength(300)),
    services: z.array(ExtraService).check(z.maxLength(300)),
  })
  .check(
    z.refine((c) => new Set(c.tariffs.map((t) => t.id)).size === c.tariffs.length, 'tariff ids must be unique'),
    z.refine((c) => {
      const ids = new Set(c.tariffs.map((t) => t.id));
      return c.tariffs.every((t) => t.upgradeTo === null || (ids.has(t.upgradeTo) && t.upgradeTo !== t.id));
    }, 'an upgrade leads to a tariff that does not exist'),
  );
export type TariffCatalogue = z.infer<typeof TariffCatalogue>;
