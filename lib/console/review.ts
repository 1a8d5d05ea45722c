// Which published version a finished call used for a document kind (R11: a call is reviewed and
// scored on the versions it started with, never on the current ones). A call records either the
// server's version id or, for content that never reached the server (built-in defaults, local
// edits), a local number: those cannot be fetched, and a score needs the server's version.
import type { CallView } from '../schema/api';
import { Ulid } from '../schema/primitives';

export type CallVersion = { kind: 'server'; versionId: string } | { kind: 'local'; number: number } | { kind: 'none' };

export function callVersion(call: Pick<CallView, 'versions'>, kind: string): CallVersion {
  const ref = call.versions[kind];
  if (ref === undefined) return { kind: 'none' };
  if (typeof ref === 'number') return { kind: 'local', number: ref };
  return Ulid.safeParse(ref).success ? { kind: 'server', versionId: ref } : { kind: 'none' };
}
