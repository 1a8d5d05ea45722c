// A large, realistic script set for the benchmark: the demo modules plus generated ones up to the
// size the issue names (500), with Russian words so search normalisation (case, ё) does real work.
import { DEFAULT_CLASSIFIER } from '../lib/classifier/defaults';
import { DEFAULT_SCRIPTS } from '../lib/content/defaults';
import type { ModuleStage, OfferKind, ScriptModule, ScriptSet } from '../lib/schema/content';

const TOPICS = [
  'роутер',
  'приставка',
  'скорость',
  'баланс',
  'платёж',
  'перерасчёт',
  'блокировка',
  'акция',
  'телевидение',
  'антивирус',
  'статический адрес',
  'переезд',
  'договор',
  'рассрочка',
  'ночной тариф',
];
const STAGES: ModuleStage[] = ['opening', 'needs', 'offer', 'objection', 'closing'];
const OFFERS: OfferKind[] = ['none', 'upgrade', 'bundle', 'equipment', 'service', 'callback'];
const TYPES = DEFAULT_CLASSIFIER.types.map((type) => type.id);

function generated(index: number, callTypes: readonly string[]): ScriptModule {
  const topic = TOPICS[index % TOPICS.length]!;
  const other = TOPICS[(index * 7 + 3) % TOPICS.length]!;
  const type = callTypes.length > 0 ? callTypes[index % callTypes.length]! : null;
  return {
    id: `gen-${index}`,
    title: `Модуль ${index}: ${topic}`,
    stage: STAGES[index % STAGES.length]!,
    offer: OFFERS[index % OFFERS.length]!,
    when: { callTypes: type ? [type] : [], balance: 'any', needsUpgrade: false },
    text: `{name}, по вопросу «${topic}» подскажу: **${other}** сейчас со скидкой.\n- первый пункт про ${topic}\n- второй пункт про ${other}`,
    branches: [],
    keywords: [topic, other, `тема${index}`],
  };
}

/** The demo set padded with generated modules to `size` modules in all. */
export function largeScriptSet(size: number, callTypes: readonly string[] = TYPES): ScriptSet {
  const modules = [...DEFAULT_SCRIPTS.modules];
  for (let i = 0; modules.length < size; i++) modules.push(generated(i, callTypes));
  return { modules };
}
