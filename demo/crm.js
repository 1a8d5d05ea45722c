// Demo CRM page logic: lets the tester switch the subscriber card between a few
// demo subscribers (so the extension sees the card text change) and gives the
// header buttons a harmless reaction. DOM is built with createElement only.

const SUBSCRIBERS = [
  {
    contract: 'Д-104392',
    name: 'Иванова Мария Петровна',
    tariff: 'Домашний 100',
    balance: '-150,00 ₽',
    address: 'г. Пермь, ул. Ленина, д. 12, кв. 45',
    status: 'Блокировка за неуплату',
  },
  {
    contract: 'Д-208817',
    name: 'Петров Алексей Игоревич',
    tariff: 'Домашний 200',
    balance: '320,00 ₽',
    address: 'г. Пермь, ул. Мира, д. 3, кв. 7',
    status: 'Активен',
  },
  {
    contract: 'Д-311540',
    name: 'Сидоров Николай Васильевич',
    tariff: 'Домашний 100 + ТВ',
    balance: '75,50 ₽',
    address: 'г. Пермь, ш. Космонавтов, д. 88, кв. 112',
    status: 'Активен',
  },
];

const card = document.getElementById('subscriber-card');
const list = document.getElementById('subscriber-list');

function showSubscriber(index) {
  const sub = SUBSCRIBERS[index];
  for (const [key, value] of Object.entries(sub)) {
    const el = card.querySelector(`[data-field="${key}"]`);
    if (el) el.textContent = value;
  }
  card.querySelector('[data-field="balance"]').classList.toggle('is-negative', sub.balance.startsWith('-'));
  for (const button of list.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.index === String(index)));
  }
}

function buildList() {
  SUBSCRIBERS.forEach((sub, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.index = String(index);
    button.dataset.contract = sub.contract;
    const name = document.createElement('span');
    name.textContent = sub.name;
    const contract = document.createElement('span');
    contract.className = 'sub-contract';
    contract.textContent = `${sub.contract} · ${sub.tariff} · ${sub.balance}`;
    button.append(name, contract);
    button.addEventListener('click', () => showSubscriber(index));
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  });
}

// Header/nav buttons only print a note: the demo has no other sections.
function wireNotices() {
  const notice = document.getElementById('crm-notice');
  let timer = 0;
  for (const el of document.querySelectorAll('[data-notice]')) {
    el.addEventListener('click', (event) => {
      event.preventDefault();
      notice.textContent = el.dataset.notice;
      clearTimeout(timer);
      timer = setTimeout(() => {
        notice.textContent = '';
      }, 3000);
    });
  }
}

if (card && list) {
  buildList();
  showSubscriber(0);
}
wireNotices();
