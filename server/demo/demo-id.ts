// Ids for the demo history's calls, tags, outcomes and events: ULIDs of the given time whose
// random part comes from Math.random. The ulid package's default draws crypto randomness for every
// character, which made up most of the seed's time over thousands of demo calls; these ids need to
// be unique, not unguessable.
import { ulid } from 'ulid';

export function demoId(at: number): string {
  return ulid(at, Math.random);
}
