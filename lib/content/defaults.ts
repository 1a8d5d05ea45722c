// The built-in Russian demo content: what a fresh install and the console's first draft show
// before anything is published. Drawn from the domain notes: upsell on balance and tech-support
// calls (twice the speed for +100 ₽ a month), bundle and equipment promotions, the callback for a
// caller who "will think", retention on termination. Call types are the default classifier's.
import type { SubscriberContext } from '../schema/call';
import type { Checklist, ObjectionSet, ScriptModule, ScriptSet, TariffCatalogue } from '../schema/content';

const ANY = { callTypes: [], balance: 'any', needsUpgrade: false } as const satisfies ScriptModule['when'];

/** Joins lines so the texts below read as the operator sees them. */
const lines = (...parts: string[]) => parts.join('\n');

const MODULES: ScriptModule[] = [
  {
    id: 'greeting',
    title: 'Приветствие',
    stage: 'opening',
    offer: 'none',
    when: ANY,
    text: lines(
      'Добрый день! Компания «ТелеКом+», служба поддержки абонентов.',
      'Подскажите, пожалуйста, номер договора или адрес подключения — я открою вашу карточку.',
    ),
    branches: [],
    keywords: ['здравствуйте', 'начало', 'договор'],
  },
  {
    id: 'identify',
    title: 'Абонент найден: обращение по имени',
    stage: 'opening',
    offer: 'none',
    when: ANY,
    text: lines('{first_name}, спасибо, вижу ваш договор {contract}, тариф «{tariff}».', 'Чем могу помочь?'),
    branches: [],
    keywords: ['карточка', 'личность', 'проверка'],
  },
  {
    id: 'negative_balance',
    title: 'Минус на счёте: помочь оплатить',
    stage: 'needs',
    offer: 'none',
    when: { callTypes: ['billing', 'down_balance', 'block_question'], balance: 'negative', needsUpgrade: false },
    text: lines(
      '{first_name}, вижу на счёте **{balance}**, поэтому доступ сейчас ограничен. Давайте решим это прямо сейчас:',
      '- оплата картой в приложении или на сайте по номеру договора {contract} — интернет включится в течение 5 минут;',
      '- если оплатить сегодня неудобно, подключу **обещанный платёж** на 3 дня — доступ откроется сразу.',
      '',
      'Как только доступ откроется, подскажу, как сделать интернет быстрее почти за те же деньги.',
    ),
    branches: [
      { when: 'Оплатил или взял обещанный платёж', goto: 'balance_upgrade' },
      { when: 'Нет денег до зарплаты', goto: 'promised_payment' },
    ],
    keywords: ['долг', 'задолженность', 'минус', 'блокировка', 'оплата'],
  },
  {
    id: 'promised_payment',
    title: 'Обещанный платёж',
    stage: 'needs',
    offer: 'none',
    when: { callTypes: ['billing', 'down_balance', 'block_question'], balance: 'negative', needsUpgrade: false },
    text: lines(
      'Понимаю, так бывает. Подключаю обещанный платёж: доступ откроется в течение минуты и будет работать 3 дня.',
      'За это время достаточно пополнить счёт так, чтобы баланс стал больше нуля.',
    ),
    branches: [{ when: 'Доступ открылся', goto: 'balance_upgrade' }],
    keywords: ['доверительный', 'кредит', 'отсрочка', 'зарплата'],
  },
  {
    id: 'balance_upgrade',
    title: 'Пока проверяю платёж: скорость вдвое',
    stage: 'offer',
    offer: 'upgrade',
    when: { callTypes: ['billing', 'down_balance'], balance: 'any', needsUpgrade: true },
    text: lines(
      '{first_name}, пока проверяю платёж: на вашем тарифе «{tariff}» за {price_delta} ₽ в месяц больше скорость вырастет как минимум вдвое — тариф **«{upgrade_tariff}»**, {upgrade_speed} Мбит/с.',
      'Абонентская плата будет {upgrade_price} ₽ вместо {tariff_price} ₽. Переключить вас с сегодняшнего дня?',
    ),
    branches: [
      { when: 'Согласен', goto: 'upgrade_confirm' },
      { when: 'Дорого', goto: 'upgrade_value' },
      { when: 'Подумаю', goto: 'think_callback' },
    ],
    keywords: ['повышение', 'апгрейд', 'скорость', 'тариф', 'баланс', 'платёж'],
  },
  {
    id: 'tech_solved_upgrade',
    title: 'Проблема решена: удвоить скорость',
    stage: 'offer',
    offer: 'upgrade',
    when: { callTypes: ['tech_support'], balance: 'any', needsUpgrade: true },
    text: lines(
      'Проверьте, пожалуйста: сейчас страницы открываются? Отлично.',
      '{first_name}, и ещё момент: если вечером, когда дома все в сети, интернет подтормаживает, — за {price_delta} ₽ в месяц скорость вырастет до {upgrade_speed} Мбит/с, тариф «{upgrade_tariff}».',
      'Подключить? Новая скорость заработает в течение 15 минут.',
    ),
    branches: [
      { when: 'Согласен', goto: 'upgrade_confirm' },
      { when: 'Дорого', goto: 'upgrade_value' },
      { when: 'Подумаю', goto: 'think_callback' },
    ],
    keywords: ['техподдержка', 'интернет', 'скорость', 'повышение', 'медленно'],
  },
  {
    id: 'tech_router',
    title: 'Старый роутер: аренда нового',
    stage: 'offer',
    offer: 'equipment',
    when: { callTypes: ['tech_support'], balance: 'any', needsUpgrade: false },
    text: lines(
      'Если роутеру больше 4–5 лет, скорость часто теряется именно на нём, особенно по Wi-Fi.',
      'Можем дать в аренду двухдиапазонный **Wi-Fi роутер за 99 ₽ в месяц** — мастер привезёт и настроит, при поломке заменим бесплатно.',
      'Оформить заявку?',
    ),
    branches: [{ when: 'Подумаю', goto: 'think_callback' }],
    keywords: ['роутер', 'wi-fi', 'вайфай', 'оборудование', 'аренда'],
  },
  {
    id: 'bundle_tv',
    title: 'Акция: интернет + ТВ в одном пакете',
    stage: 'offer',
    offer: 'bundle',
    when: { callTypes: ['billing', 'block_question', 'tech_support'], balance: 'any', needsUpgrade: false },
    text: lines(
      'Кстати, сейчас действует акция на пакет «интернет + телевидение»:',
      '- **«Домашний 100 + ТВ»** — 650 ₽ в месяц, больше 150 каналов;',
      '- телевизор подключается к тому же кабелю, смотреть можно и на смартфоне;',
      '- выходит дешевле, чем интернет и ТВ по отдельности.',
      'Рассказать подробнее?',
    ),
    branches: [
      { when: 'Не нужен ТВ', goto: 'equipment_promo' },
      { when: 'Подумаю', goto: 'think_callback' },
    ],
    keywords: ['пакет', 'телевидение', 'тв', 'каналы', 'акция'],
  },
  {
    id: 'equipment_promo',
    title: 'Акция на оборудование: роутер и ТВ-приставка',
    stage: 'offer',
    offer: 'equipment',
    when: { callTypes: ['billing', 'block_question', 'connection'], balance: 'any', needsUpgrade: false },
    text: lines(
      'Ещё у нас можно взять оборудование в аренду, без покупки:',
      '- Wi-Fi роутер — 99 ₽ в месяц, ловит во всех комнатах;',
      '- ТВ-приставка — 149 ₽ в месяц, превращает любой телевизор в Smart TV.',
      'Если что-то сломается — заменим бесплатно. Оформить?',
    ),
    branches: [{ when: 'Подумаю', goto: 'think_callback' }],
    keywords: ['роутер', 'приставка', 'оборудование', 'аренда', 'акция'],
  },
  {
    id: 'connection_needs',
    title: 'Новое подключение: выяснить потребности',
    stage: 'needs',
    offer: 'none',
    when: { callTypes: ['connection'], balance: 'any', needsUpgrade: false },
    text: lines(
      'С удовольствием подключим! Чтобы подобрать тариф и не переплачивать, пара вопросов:',
      '- сколько человек дома и сколько устройств подключается к интернету;',
      '- смотрите ли фильмы и сериалы онлайн, играете ли в игры;',
      '- нужно ли телевидение.',
    ),
    branches: [{ when: 'Уже выбрал тариф', goto: 'connection_offer' }],
    keywords: ['подключение', 'новый', 'заявка', 'потребность'],
  },
  {
    id: 'connection_offer',
    title: 'Новое подключение: тариф выше и дополнительные услуги',
    stage: 'offer',
    offer: 'upgrade',
    when: { callTypes: ['connection'], balance: 'any', needsUpgrade: false },
    text: lines(
      'Для семьи с несколькими устройствами рекомендую **«Домашний 200»** — 200 Мбит/с за 600 ₽ в месяц: всего на 100 ₽ дороже «Домашнего 100», а скорости хватит всем сразу.',
      'С телевидением — «Домашний 200 + ТВ» за 750 ₽. Роутер можно взять в аренду за 99 ₽.',
      'Оформляем заявку? Мастер приедет в удобный для вас день.',
    ),
    branches: [
      { when: 'Согласен', goto: 'connection_application' },
      { when: 'Дорого', goto: 'upgrade_value' },
      { when: 'Подумаю', goto: 'think_callback' },
    ],
    keywords: ['подключение', 'тариф', 'роутер', 'тв', 'новый'],
  },
  {
    id: 'connection_application',
    title: 'Заявка на подключение без паспорта по телефону',
    stage: 'closing',
    offer: 'none',
    when: { callTypes: ['connection'], balance: 'any', needsUpgrade: false },
    text: lines(
      'Для заявки мне нужны только адрес и контактный телефон.',
      'Паспортные данные по телефону не нужны — договор подпишете с мастером при подключении.',
      'Когда мастеру удобно приехать: завтра или в выходные?',
    ),
    branches: [],
    keywords: ['заявка', 'адрес', 'телефон', 'паспорт', 'мастер'],
  },
  {
    id: 'tariff_change_offer',
    title: 'Смена тарифа: тариф выше',
    stage: 'offer',
    offer: 'upgrade',
    when: { callTypes: ['tariff_change', 'block_question'], balance: 'any', needsUpgrade: true },
    text: lines(
      '{first_name}, сейчас у вас «{tariff}» — {tariff_price} ₽ в месяц.',
      'Чаще всего переходят на **«{upgrade_tariff}»**: {upgrade_speed} Мбит/с за {upgrade_price} ₽, то есть всего на {price_delta} ₽ в месяц больше.',
      'Переключаю? Новая скорость заработает в течение 15 минут.',
    ),
    branches: [
      { when: 'Согласен', goto: 'upgrade_confirm' },
      { when: 'Дорого', goto: 'upgrade_value' },
      { when: 'Хочу дешевле', goto: 'retention' },
    ],
    keywords: ['смена', 'тариф', 'переход', 'скорость'],
  },
  {
    id: 'upgrade_value',
    title: 'Дорого: во что обходится разница',
    stage: 'objection',
    offer: 'upgrade',
    when: { callTypes: [], balance: 'any', needsUpgrade: true },
    text: lines(
      'Понимаю, считать деньги правильно. Давайте посчитаем: {price_delta} ₽ в месяц — это несколько рублей в день.',
      'За них скорость вырастет до {upgrade_speed} Мбит/с: фильмы не подгружаются, видеосвязь не зависает, даже когда дома все в сети.',
      'Давайте попробуем месяц — если не почувствуете разницы, вернём прежний тариф бесплатно.',
    ),
    branches: [
      { when: 'Согласен', goto: 'upgrade_confirm' },
      { when: 'Подумаю', goto: 'think_callback' },
    ],
    keywords: ['дорого', 'цена', 'разница', 'возражение'],
  },
  {
    id: 'think_callback',
    title: '«Подумаю»: номер, предложение по SMS, перезвон',
    stage: 'objection',
    offer: 'callback',
    when: ANY,
    text: lines(
      'Конечно, решение за вами. Чтобы было удобно сравнить, отправлю предложение по SMS сразу после звонка.',
      '- На какой номер удобнее получить SMS и созвониться?',
      '- Когда вам удобно, чтобы я перезвонил: завтра днём или вечером?',
      '',
      'Если подключите до конца недели, первый месяц на новом тарифе — **со скидкой 50%**.',
    ),
    branches: [],
    keywords: ['подумаю', 'перезвон', 'контакт', 'sms', 'предложение', 'позже'],
  },
  {
    id: 'upgrade_confirm',
    title: 'Согласие: подтвердить переход',
    stage: 'closing',
    offer: 'none',
    when: { callTypes: [], balance: 'any', needsUpgrade: true },
    text: lines(
      'Отлично! Переключаю на «{upgrade_tariff}». Новая скорость заработает в течение 15 минут — перезагрузите, пожалуйста, роутер.',
      'Абонентская плата со следующего списания — {upgrade_price} ₽. SMS с подтверждением придёт на номер из договора.',
    ),
    branches: [{ when: 'Ещё вопрос', goto: 'closing' }],
    keywords: ['подтверждение', 'согласие', 'переход'],
  },
  {
    id: 'retention',
    title: 'Расторжение: выяснить причину и удержать',
    stage: 'needs',
    offer: 'none',
    when: { callTypes: ['termination'], balance: 'any', needsUpgrade: false },
    text: lines(
      '{first_name}, жаль это слышать. Подскажите, пожалуйста, что стало причиной?',
      '- Скорость или обрывы — сейчас же передам заявку мастеру, срок — 1 рабочий день.',
      '- Переезд — проверю подключение по новому адресу, перенос бесплатный.',
      '- Нашли дешевле — давайте сравним, что входит в тарифы.',
    ),
    branches: [
      { when: 'У другого провайдера дешевле', goto: 'competitor_compare' },
      { when: 'Плохо работает', goto: 'tech_router' },
    ],
    keywords: ['расторжение', 'отключение', 'удержание', 'отток', 'переезд'],
  },
  {
    id: 'competitor_compare',
    title: 'Сравнение с другим провайдером',
    stage: 'objection',
    offer: 'none',
    when: { callTypes: ['termination', 'tariff_change', 'connection'], balance: 'any', needsUpgrade: false },
    text: lines(
      'Давайте сравним честно. У многих провайдеров низкая цена действует только первые месяцы, а роутер нужно покупать.',
      'У нас **цена фиксированная**, техподдержка круглосуточно, мастер приезжает в течение суток.',
      'Что именно вам предложили? Я проверю, что у нас будет выгоднее.',
    ),
    branches: [{ when: 'Подумаю', goto: 'think_callback' }],
    keywords: ['конкурент', 'дешевле', 'сравнение', 'провайдер'],
  },
  {
    id: 'closing',
    title: 'Завершение разговора',
    stage: 'closing',
    offer: 'none',
    when: ANY,
    text: lines(
      'Подведу итог: {first_name}, всё, о чём договорились, я отметил в карточке.',
      'Остались ли у вас вопросы? Спасибо, что обратились в «ТелеКом+». Хорошего дня!',
    ),
    branches: [],
    keywords: ['прощание', 'итог', 'конец', 'до свидания'],
  },
];

export const DEFAULT_SCRIPTS: ScriptSet = { modules: MODULES };

export const DEFAULT_OBJECTIONS: ObjectionSet = {
  objections: [
    {
      id: 'expensive',
      title: 'Дорого',
      callTypes: [],
      answers: [
        {
          id: 'per_day',
          text: 'Понимаю. Разница — {price_delta} ₽ в месяц, это несколько рублей в день. Зато скорость {upgrade_speed} Мбит/с: хватит всем в семье одновременно.',
        },
        {
          id: 'try_month',
          text: 'Давайте попробуем месяц. Если не почувствуете разницы — вернём прежний тариф бесплатно, без штрафов.',
        },
        {
          id: 'bundle_saves',
          text: 'Если вы платите за телевидение отдельно, в пакете **интернет + ТВ** выйдет дешевле, чем сейчас. Посчитать?',
        },
      ],
    },
    {
      id: 'think',
      title: 'Я подумаю',
      callTypes: [],
      answers: [
        {
          id: 'send_offer',
          text: 'Конечно. Отправлю вам предложение по SMS сразу после звонка, чтобы всё было перед глазами. На какой номер удобно?',
        },
        {
          id: 'callback',
          text: 'Хорошо. Когда вам удобно, чтобы я перезвонил и ответил на вопросы: завтра днём или вечером?',
        },
        {
          id: 'deadline',
          text: 'Подумайте, конечно. Подскажу только: при подключении до конца недели первый месяц — **со скидкой 50%**.',
        },
      ],
    },
    {
      id: 'competitor',
      title: 'У другого провайдера дешевле',
      callTypes: [],
      answers: [
        {
          id: 'hidden_costs',
          text: 'Уточните, пожалуйста: эта цена навсегда или только на первые месяцы? И входит ли в неё роутер? Часто потом выходит дороже.',
        },
        {
          id: 'service',
          text: 'У нас цена фиксированная, техподдержка круглосуточно, а мастер приезжает в течение суток. Что для вас важнее всего?',
        },
      ],
    },
    {
      id: 'no_time',
      title: 'Нет времени',
      callTypes: [],
      answers: [
        {
          id: 'short',
          text: 'Буквально 20 секунд: за {price_delta} ₽ в месяц скорость вырастет до {upgrade_speed} Мбит/с. Подключить или отправить подробности в SMS?',
        },
        {
          id: 'sms',
          text: 'Понимаю. Отправлю коротко в SMS, а перезвоню, когда удобно. Во сколько лучше?',
        },
      ],
    },
    {
      id: 'satisfied',
      title: 'Меня всё устраивает',
      callTypes: [],
      answers: [
        {
          id: 'glad',
          text: 'Рад это слышать! Многие так говорили, пока дома не появлялось больше устройств. Сколько у вас сейчас подключено к Wi-Fi?',
        },
        {
          id: 'same_price',
          text: 'Отлично. Просто знайте: за {price_delta} ₽ в месяц можно получить скорость вдвое выше, если однажды станет не хватать.',
        },
      ],
    },
    {
      id: 'no_tv',
      title: 'Не нужен ТВ',
      callTypes: [],
      answers: [
        {
          id: 'phone_tv',
          text: 'Понимаю, многие не смотрят эфир. В пакет входят онлайн-кинотеатр и каналы на смартфоне — это удобно, например, на даче или для детей.',
        },
        {
          id: 'router_instead',
          text: 'Хорошо, без ТВ. Тогда, может быть, актуален роутер в аренду за 99 ₽ — Wi-Fi будет ловить во всех комнатах.',
        },
      ],
    },
    {
      id: 'send_info',
      title: 'Пришлите информацию',
      callTypes: [],
      answers: [
        {
          id: 'sms_and_call',
          text: 'Конечно, отправлю SMS сразу после звонка. Подскажите удобный номер — и когда можно перезвонить, чтобы ответить на вопросы?',
        },
      ],
    },
  ],
};

export const DEFAULT_CHECKLIST: Checklist = {
  title: 'Чек-лист входящего звонка',
  sections: [
    {
      id: 'greeting',
      title: 'Приветствие',
      items: [
        {
          id: 'introduced',
          text: 'Представился и назвал компанию',
          hint: '',
          weight: 5,
          critical: true,
          naAllowed: false,
        },
        {
          id: 'verified',
          text: 'Проверил личность по договору',
          hint: 'Номер договора или адрес и ФИО. **Н/П** — если звонит новый абонент без договора.',
          weight: 10,
          critical: true,
          naAllowed: true,
        },
        {
          id: 'by_name',
          text: 'Обращался к абоненту по имени',
          hint: '',
          weight: 3,
          critical: false,
          naAllowed: false,
        },
      ],
    },
    {
      id: 'needs',
      title: 'Выявление потребности',
      items: [
        {
          id: 'reason',
          text: 'Уточнил причину обращения',
          hint: '',
          weight: 10,
          critical: false,
          naAllowed: false,
        },
        {
          id: 'card_checked',
          text: 'Проверил тариф и баланс в карточке',
          hint: '',
          weight: 5,
          critical: false,
          naAllowed: true,
        },
        {
          id: 'usage',
          text: 'Спросил, как абонент пользуется интернетом и ТВ',
          hint: 'Сколько человек и устройств, фильмы, игры, телевидение.',
          weight: 5,
          critical: false,
          naAllowed: true,
        },
      ],
    },
    {
      id: 'solution',
      title: 'Решение вопроса',
      items: [
        {
          id: 'solved',
          text: 'Решил вопрос или оформил заявку со сроком',
          hint: '',
          weight: 15,
          critical: false,
          naAllowed: false,
        },
        {
          id: 'next_steps',
          text: 'Объяснил, что будет дальше и когда',
          hint: '',
          weight: 5,
          critical: false,
          naAllowed: true,
        },
        {
          id: 'no_false_promises',
          text: 'Не обещал того, чего нет в тарифах',
          hint: 'Цены, скорость и сроки — только из тарифов и регламента.',
          weight: 10,
          critical: true,
          naAllowed: false,
        },
      ],
    },
    {
      id: 'offer',
      title: 'Предложение',
      items: [
        {
          id: 'offer_made',
          text: 'Предложил повышение тарифа, пакет или оборудование',
          hint: '**Н/П** — если тариф уже максимальный или абонент в конфликте.',
          weight: 10,
          critical: false,
          naAllowed: true,
        },
        {
          id: 'objection_handled',
          text: 'Отработал возражение, не закончил на первом «нет»',
          hint: '',
          weight: 5,
          critical: false,
          naAllowed: true,
        },
        {
          id: 'callback_booked',
          text: 'Если «подумаю» — взял номер, отправил предложение, договорился о перезвоне',
          hint: '',
          weight: 5,
          critical: false,
          naAllowed: true,
        },
      ],
    },
    {
      id: 'closing',
      title: 'Завершение',
      items: [
        {
          id: 'summary',
          text: 'Подвёл итог: что сделано и что абонент получит',
          hint: '',
          weight: 5,
          critical: false,
          naAllowed: false,
        },
        {
          id: 'more_questions',
          text: 'Спросил, остались ли вопросы',
          hint: '',
          weight: 3,
          critical: false,
          naAllowed: false,
        },
        { id: 'farewell', text: 'Поблагодарил и попрощался', hint: '', weight: 2, critical: false, naAllowed: false },
      ],
    },
  ],
};

export const DEFAULT_TARIFFS: TariffCatalogue = {
  currency: '₽',
  tariffs: [
    {
      id: 'home100',
      name: 'Домашний 100',
      aliases: ['Домашний-100', 'Дом 100'],
      kind: 'internet',
      monthly: 500,
      speedMbps: 100,
      upgradeTo: 'home200',
      active: true,
    },
    {
      id: 'home200',
      name: 'Домашний 200',
      aliases: ['Домашний-200', 'Дом 200'],
      kind: 'internet',
      monthly: 600,
      speedMbps: 200,
      upgradeTo: 'home500',
      active: true,
    },
    {
      id: 'home500',
      name: 'Домашний 500',
      aliases: ['Домашний-500', 'Дом 500'],
      kind: 'internet',
      monthly: 800,
      speedMbps: 500,
      upgradeTo: null,
      active: true,
    },
    {
      id: 'tv_basic',
      name: 'ТВ Базовый',
      aliases: ['Базовое ТВ'],
      kind: 'tv',
      monthly: 250,
      speedMbps: null,
      upgradeTo: 'tv_max',
      active: true,
    },
    {
      id: 'tv_max',
      name: 'ТВ Максимум',
      aliases: [],
      kind: 'tv',
      monthly: 400,
      speedMbps: null,
      upgradeTo: null,
      active: true,
    },
    {
      id: 'home100_tv',
      name: 'Домашний 100 + ТВ',
      aliases: ['Домашний 100+ТВ'],
      kind: 'bundle',
      monthly: 650,
      speedMbps: 100,
      upgradeTo: 'home200_tv',
      active: true,
    },
    {
      id: 'home200_tv',
      name: 'Домашний 200 + ТВ',
      aliases: ['Домашний 200+ТВ'],
      kind: 'bundle',
      monthly: 750,
      speedMbps: 200,
      upgradeTo: 'home500_tv',
      active: true,
    },
    {
      id: 'home500_tv',
      name: 'Домашний 500 + ТВ',
      aliases: ['Домашний 500+ТВ'],
      kind: 'bundle',
      monthly: 950,
      speedMbps: 500,
      upgradeTo: null,
      active: true,
    },
    {
      id: 'start50',
      name: 'Старт 50',
      aliases: [],
      kind: 'internet',
      monthly: 450,
      speedMbps: 50,
      upgradeTo: 'home100',
      active: false,
    },
    {
      id: 'family60_tv',
      name: 'Семейный 60 + ТВ',
      aliases: ['Семейный'],
      kind: 'bundle',
      monthly: 600,
      speedMbps: 60,
      upgradeTo: 'home100_tv',
      active: false,
    },
  ],
  services: [
    { id: 'static_ip', name: 'Статический IP-адрес', kind: 'service', monthly: 150 },
    { id: 'antivirus', name: 'Антивирус', kind: 'service', monthly: 99 },
    { id: 'router_rent', name: 'Аренда Wi-Fi роутера', kind: 'equipment', monthly: 99 },
    { id: 'tv_box_rent', name: 'Аренда ТВ-приставки', kind: 'equipment', monthly: 149 },
  ],
};

/** The console preview's subscriber: the first subscriber of the demo CRM page. */
export const DEMO_SUBSCRIBER: SubscriberContext = {
  contract: 'Д-104392',
  name: 'Иванова Мария Петровна',
  tariff: 'Домашний 100',
  balance: '-150,00 ₽',
};
