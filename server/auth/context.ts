// What an authenticated request carries: the user behind the bearer token, with the scope every
// endpoint checks (organisation, teams, role). Set by requireAuth (middleware.ts).
import type { Role } from '../../lib/schema/api';
import type { Database } from '../db/database';

export interface AuthUser {
  id: string;
  orgId: string;
  orgName: string;
  login: string;
  name: string;
  role: Role;
  teamIds: string[];
  teams: { id: string; name: string }[];
  /** The token's hash, so logout can revoke exactly this token. */
  tokenHash: string;
}

/** Hono variables available to every route under /api/v1. */
export type AppEnv = {
  Variables: {
    db: Database;
    user: AuthUser;
  };
};
