// The admin CLI's commands on every test database: organisations, teams and users are created,
// passwords are generated when not given and reset, sessions are ended, and mistakes answer a
// readable error instead of doing anything.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAdmin } from '../../server/admin';
import { verifyPassword } from '../../server/auth/password';
import { issueToken, userForToken } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { testDatabases } from '../support/server-db';

describe.each(testDatabases())('admin commands on $name', (target) => {
  let db: Database;
  let drop: () => Promise<void>;
  const now = () => Date.UTC(2025, 2, 3, 9);
  const run = (...argv: string[]) => runAdmin({ db, now }, argv);
  beforeAll(async () => {
    ({ db, drop } = await target.open());
  });
  afterAll(() => drop());

  async function hashOf(login: string) {
    return (await db.query<{ password_hash: string }>('select password_hash from users where login = $1', [login]))[0]!
      .password_hash;
  }

  test('create an organisation, teams and users; the generated password works', async () => {
    expect(await run('create-org', 'Провайдер Север')).toEqual([
      expect.stringMatching(/^Organisation "Провайдер Север" created/),
    ]);
    expect(await run('create-team', 'Провайдер Север', 'Смена А')).toEqual([
      expect.stringMatching(/^Team "Смена А" created/),
    ]);
    await run('create-team', 'Провайдер Север', 'Смена Б');
    const lines = await run(
      'create-user',
      '--org',
      'Провайдер Север',
      '--login',
      'Ivanova',
      '--name',
      'Мария Иванова',
      '--role',
      'lead',
      '--team',
      'Смена А',
      '--team',
      'Смена Б',
    );
    expect(lines[0]).toMatch(/User "ivanova" \(lead\) created/);
    const password = /^Password: (\S+)$/.exec(lines[1] ?? '')?.[1];
    expect(password).toBeDefined();
    expect(await verifyPassword(password!, await hashOf('ivanova'))).toBe(true);
    const given = await run(
      'create-user',
      '--org',
      'Провайдер Север',
      '--login',
      'petrov',
      '--name',
      'Пётр',
      '--role',
      'operator',
      '--password',
      'a chosen password',
    );
    expect(given).toHaveLength(1);
    expect(await verifyPassword('a chosen password', await hashOf('petrov'))).toBe(true);
    const list = await run('list-users');
    expect(list).toContain('Провайдер Север | ivanova | Мария Иванова | lead | Смена А, Смена Б');
    expect(list).toContain('Провайдер Север | petrov | Пётр | operator | -');
  });

  test('set-password changes the password and ends the sessions; revoke-tokens ends them too', async () => {
    const [user] = await db.query<{ id: string }>("select id from users where login = 'petrov'");
    const token = (await issueToken(db, user!.id, now())).token;
    const lines = await run('set-password', 'PETROV');
    const password = /^Password: (\S+)$/.exec(lines[1] ?? '')?.[1];
    expect(await verifyPassword(password!, await hashOf('petrov'))).toBe(true);
    expect(await userForToken(db, token, now())).toBeNull();

    await run('set-password', 'petrov', 'another password');
    expect(await verifyPassword('another password', await hashOf('petrov'))).toBe(true);
    const second = (await issueToken(db, user!.id, now())).token;
    expect(await userForToken(db, second, now())).not.toBeNull();
    expect(await run('revoke-tokens', 'petrov')).toEqual([expect.stringMatching(/ended/)]);
    expect(await userForToken(db, second, now())).toBeNull();
  });

  test.each([
    [['create-team', 'Нет такой', 'Смена'], /no organisation "Нет такой"/],
    [['create-team', 'Провайдер Север', 'Смена А'], /already exists/],
    [
      ['create-user', '--org', 'Провайдер Север', '--login', 'x', '--name', 'X', '--role', 'boss'],
      /--role must be one of/,
    ],
    [
      [
        'create-user',
        '--org',
        'Провайдер Север',
        '--login',
        'x',
        '--name',
        'X',
        '--role',
        'operator',
        '--team',
        'Смена В',
      ],
      /no team "Смена В"/,
    ],
    [['create-user', '--org', 'Провайдер Север', '--login', 'petrov', '--name', 'X', '--role', 'operator'], /taken/],
    [['create-user', '--org', 'Провайдер Север', '--login', 'x'], /needs --org, --login, --name and --role/],
    [
      [
        'create-user',
        '--org',
        'Провайдер Север',
        '--login',
        'x',
        '--name',
        'X',
        '--role',
        'operator',
        '--password',
        'short',
      ],
      /8 to 200/,
    ],
    [['set-password', 'nobody'], /no user with the login "nobody"/],
    [['set-password', 'petrov', 'short'], /8 to 200/],
    [['revoke-tokens'], /Usage/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /Usage/],
  ])('%j fails with a clear message and changes nothing', async (argv, message) => {
    const before = await db.query('select login, password_hash from users order by login');
    await expect(run(...argv)).rejects.toThrow(message);
    expect(await db.query('select login, password_hash from users order by login')).toEqual(before);
  });
});
