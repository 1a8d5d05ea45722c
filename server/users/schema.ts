// Request and answer shapes of the user endpoints (`/api/v1/users`). Built from the shared
// building blocks in lib/schema so logins, roles and team refs mean the same everywhere.
import * as z from 'zod/mini';
import { LoginName, Role, TeamRef } from '../../lib/schema/api';
import { EpochMs, ShortText, Ulid } from '../../lib/schema/primitives';

export const MIN_PASSWORD_LENGTH = 8;

export const NewPassword = z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(200));

export const CreateUserBody = z.object({
  login: LoginName,
  name: ShortText(200).check(z.minLength(1)),
  role: Role,
  password: NewPassword,
  teamIds: z._default(z.array(Ulid).check(z.maxLength(50)), []),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UserSummary = z.object({
  id: Ulid,
  login: LoginName,
  name: ShortText(200),
  role: Role,
  teams: z.array(TeamRef),
  disabled: z.boolean(),
  createdAt: EpochMs,
});
export type UserSummary = z.infer<typeof UserSummary>;
