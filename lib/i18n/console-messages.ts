// UI text of the console (leads, trainers, admins) in the three UI languages. Russian is written
// first and is complete (it is the fallback); English and Polish are complete too. The call-type
// table inside the console reuses the options page's texts (options-messages.ts).
import type { Locale } from '../schema/primitives';
import type { Catalog, Message, Translate } from './translate';

const ru = {
  'page.title': 'Консоль руководителя',
  'page.loading': 'Загрузка…',
  'page.loadFailed': 'Не удалось связаться с расширением. {reason}',
  'page.retry': 'Повторить',
  'page.user': '{name} — {role}, {org}',

  'gate.loginNeeded': 'Чтобы открыть консоль, войдите на сервер на странице настроек расширения.',
  'gate.openOptions': 'Открыть настройки',
  'gate.operator':
    'Консоль предназначена для руководителей групп, тренеров и администраторов. Вы вошли как оператор: типы звонков приходят в вашу панель сами.',

  'role.operator': 'оператор',
  'role.lead': 'руководитель группы',
  'role.trainer': 'тренер',
  'role.admin': 'администратор',

  'common.yes': 'Да',
  'common.no': 'Нет',

  'error.badRequest': 'Сервер отклонил данные: {message}',
  'error.forbidden': 'Недостаточно прав: {message}',
  'error.notFound': 'Не найдено: {message}',
  'error.conflict': 'Кто-то опубликовал изменения раньше вас: {message}. Обновите страницу и повторите.',
  'error.storage': 'Ошибка хранилища: {message}',
  'error.internal': 'Внутренняя ошибка: {message}',
  'error.generic': 'Ошибка: {message}',

  'classifier.title': 'Типы звонков',
  'classifier.intro':
    'Список, из которого операторы выбирают тип звонка. Опубликованная версия за несколько секунд приходит в панели операторов выбранной области.',
  'scope.label': 'Область',
  'scope.org': 'Вся организация «{org}»',
  'scope.team': 'Команда «{team}»',
  'scope.otherTeam': 'Другая команда (…{id})',
  'scope.none': 'Нет ни одной команды, для которой можно открыть типы звонков.',
  'scope.loading': 'Загрузка списка…',
  'doc.current': 'Текущая версия {version}: {when}, {who}.',
  'doc.fromOrg':
    'У этой команды ещё нет своего списка: за основу взят список организации (версия {version}). После публикации команда будет получать свой список.',
  'doc.fromDefault': 'Здесь ещё ничего не опубликовано: за основу взят стандартный список.',
  'doc.unreadable':
    'Версию {version} не удалось прочитать как список типов звонков ({message}). За основу взят стандартный список.',
  'doc.readOnly': 'Тренеры видят список, а меняют его руководители групп и администраторы.',
  'editor.unsaved': 'Есть неопубликованные изменения.',
  'editor.discard': 'Отменить изменения',
  'publish.title': 'Публикация',
  'publish.note': 'Что изменилось',
  'publish.noteHint': 'Обязательно. Эту заметку увидят в истории версий.',
  'publish.button': 'Опубликовать',
  'publish.noteMissing': 'Напишите, что изменилось.',
  'publish.fixFirst': 'Не опубликовано — исправьте ошибки:',
  'publish.schemaRefused': 'Не опубликовано — список не прошёл проверку:',
  'publish.done': 'Опубликована версия {version}.',
  'history.title': 'История версий',
  'history.empty': 'Версий пока нет.',
  'history.loading': 'Загрузка истории…',
  'history.colVersion': 'Версия',
  'history.colWhen': 'Когда',
  'history.colWho': 'Кто',
  'history.colNote': 'Что изменилось',
  'history.colActions': 'Действия',
  'history.current': 'текущая',
  'history.restore': 'Вернуть эту версию',
  'history.restoreQuestion': 'Опубликовать версию {version} заново? Неопубликованные изменения в редакторе пропадут.',
  'history.rollbackNote': 'Откат к версии {version}',
  'history.restored': 'Версия {version} опубликована заново как версия {newVersion}.',
  'history.unreadable': 'Версию {version} нельзя вернуть: она не читается как список типов звонков.',
} satisfies Record<string, Message>;

export type ConsoleKey = keyof typeof ru;
export type ConsoleTranslate = Translate<ConsoleKey>;

const en: Catalog<ConsoleKey> = {
  'page.title': 'Lead console',
  'page.loading': 'Loading…',
  'page.loadFailed': 'Could not reach the extension. {reason}',
  'page.retry': 'Try again',
  'page.user': '{name} — {role}, {org}',

  'gate.loginNeeded': 'To open the console, log in to the server on the extension’s settings page.',
  'gate.openOptions': 'Open settings',
  'gate.operator':
    'The console is for team leads, trainers and administrators. You are logged in as an operator: call types reach your panel by themselves.',

  'role.operator': 'operator',
  'role.lead': 'team lead',
  'role.trainer': 'trainer',
  'role.admin': 'administrator',

  'common.yes': 'Yes',
  'common.no': 'No',

  'error.badRequest': 'The server refused the data: {message}',
  'error.forbidden': 'Not allowed: {message}',
  'error.notFound': 'Not found: {message}',
  'error.conflict': 'Someone published before you: {message}. Reload the page and try again.',
  'error.storage': 'Storage error: {message}',
  'error.internal': 'Internal error: {message}',
  'error.generic': 'Error: {message}',

  'classifier.title': 'Call types',
  'classifier.intro':
    'The list operators pick a call’s type from. A published version reaches the panels of the chosen scope’s operators within seconds.',
  'scope.label': 'Scope',
  'scope.org': 'Whole organisation “{org}”',
  'scope.team': 'Team “{team}”',
  'scope.otherTeam': 'Another team (…{id})',
  'scope.none': 'There is no team whose call types you can open.',
  'scope.loading': 'Loading the list…',
  'doc.current': 'Current version {version}: {when}, {who}.',
  'doc.fromOrg':
    'This team has no list of its own yet: the organisation’s list (version {version}) is the starting point. Once published, the team gets its own list.',
  'doc.fromDefault': 'Nothing is published here yet: the default list is the starting point.',
  'doc.unreadable':
    'Version {version} could not be read as a list of call types ({message}). The default list is the starting point.',
  'doc.readOnly': 'Trainers can see the list; team leads and administrators change it.',
  'editor.unsaved': 'There are unpublished changes.',
  'editor.discard': 'Discard changes',
  'publish.title': 'Publishing',
  'publish.note': 'What changed',
  'publish.noteHint': 'Required. This note is shown in the version history.',
  'publish.button': 'Publish',
  'publish.noteMissing': 'Write what changed.',
  'publish.fixFirst': 'Not published — please fix these problems:',
  'publish.schemaRefused': 'Not published — the list did not pass validation:',
  'publish.done': 'Version {version} is published.',
  'history.title': 'Version history',
  'history.empty': 'No versions yet.',
  'history.loading': 'Loading the history…',
  'history.colVersion': 'Version',
  'history.colWhen': 'When',
  'history.colWho': 'Who',
  'history.colNote': 'What changed',
  'history.colActions': 'Actions',
  'history.current': 'current',
  'history.restore': 'Restore this version',
  'history.restoreQuestion': 'Publish version {version} again? Unpublished changes in the editor will be lost.',
  'history.rollbackNote': 'Rollback to version {version}',
  'history.restored': 'Version {version} is published again as version {newVersion}.',
  'history.unreadable': 'Version {version} cannot be restored: it is not readable as a list of call types.',
};

const pl: Catalog<ConsoleKey> = {
  'page.title': 'Konsola kierownika',
  'page.loading': 'Wczytywanie…',
  'page.loadFailed': 'Nie udało się połączyć z rozszerzeniem. {reason}',
  'page.retry': 'Spróbuj ponownie',
  'page.user': '{name} — {role}, {org}',

  'gate.loginNeeded': 'Aby otworzyć konsolę, zaloguj się do serwera na stronie ustawień rozszerzenia.',
  'gate.openOptions': 'Otwórz ustawienia',
  'gate.operator':
    'Konsola jest przeznaczona dla kierowników zespołów, trenerów i administratorów. Zalogowano Cię jako operatora: typy rozmów docierają do Twojego panelu same.',

  'role.operator': 'operator',
  'role.lead': 'kierownik zespołu',
  'role.trainer': 'trener',
  'role.admin': 'administrator',

  'common.yes': 'Tak',
  'common.no': 'Nie',

  'error.badRequest': 'Serwer odrzucił dane: {message}',
  'error.forbidden': 'Brak uprawnień: {message}',
  'error.notFound': 'Nie znaleziono: {message}',
  'error.conflict': 'Ktoś opublikował zmiany przed Tobą: {message}. Odśwież stronę i spróbuj ponownie.',
  'error.storage': 'Błąd zapisu danych: {message}',
  'error.internal': 'Błąd wewnętrzny: {message}',
  'error.generic': 'Błąd: {message}',

  'classifier.title': 'Typy rozmów',
  'classifier.intro':
    'Lista, z której operatorzy wybierają typ rozmowy. Opublikowana wersja dociera do paneli operatorów wybranego zakresu w ciągu kilku sekund.',
  'scope.label': 'Zakres',
  'scope.org': 'Cała organizacja „{org}”',
  'scope.team': 'Zespół „{team}”',
  'scope.otherTeam': 'Inny zespół (…{id})',
  'scope.none': 'Nie ma zespołu, którego typy rozmów można otworzyć.',
  'scope.loading': 'Wczytywanie listy…',
  'doc.current': 'Bieżąca wersja {version}: {when}, {who}.',
  'doc.fromOrg':
    'Ten zespół nie ma jeszcze własnej listy: punktem wyjścia jest lista organizacji (wersja {version}). Po publikacji zespół będzie otrzymywać własną listę.',
  'doc.fromDefault': 'Nic tu jeszcze nie opublikowano: punktem wyjścia jest lista domyślna.',
  'doc.unreadable':
    'Wersji {version} nie udało się odczytać jako listy typów rozmów ({message}). Punktem wyjścia jest lista domyślna.',
  'doc.readOnly': 'Trenerzy widzą listę, a zmieniają ją kierownicy zespołów i administratorzy.',
  'editor.unsaved': 'Są nieopublikowane zmiany.',
  'editor.discard': 'Odrzuć zmiany',
  'publish.title': 'Publikacja',
  'publish.note': 'Co się zmieniło',
  'publish.noteHint': 'Wymagane. Ta notatka będzie widoczna w historii wersji.',
  'publish.button': 'Opublikuj',
  'publish.noteMissing': 'Napisz, co się zmieniło.',
  'publish.fixFirst': 'Nie opublikowano — popraw błędy:',
  'publish.schemaRefused': 'Nie opublikowano — lista nie przeszła weryfikacji:',
  'publish.done': 'Opublikowano wersję {version}.',
  'history.title': 'Historia wersji',
  'history.empty': 'Nie ma jeszcze wersji.',
  'history.loading': 'Wczytywanie historii…',
  'history.colVersion': 'Wersja',
  'history.colWhen': 'Kiedy',
  'history.colWho': 'Kto',
  'history.colNote': 'Co się zmieniło',
  'history.colActions': 'Działania',
  'history.current': 'bieżąca',
  'history.restore': 'Przywróć tę wersję',
  'history.restoreQuestion':
    'Opublikować wersję {version} ponownie? Nieopublikowane zmiany w edytorze zostaną utracone.',
  'history.rollbackNote': 'Powrót do wersji {version}',
  'history.restored': 'Wersja {version} została opublikowana ponownie jako wersja {newVersion}.',
  'history.unreadable': 'Wersji {version} nie można przywrócić: nie da się jej odczytać jako listy typów rozmów.',
};

export const consoleMessages: Record<Locale, Catalog<ConsoleKey>> = { ru, en, pl };
