// The extension's side of the HTTP contract (lib/schema/api.ts). Every answer is parsed with the
// contract's schemas and every failure becomes a SyncFailure of the kind the syncer acts on.
// `fetch` is injected: the background passes the browser's, tests pass a server's own handler
// (Hono `app.fetch`) or a wrapper that injects faults.
import * as z from 'zod/mini';
import {
  ApiError,
  CallScore,
  CallView,
  ContentVersion,
  DeviceAnswer,
  type DocumentKind,
  DocumentSummary,
  FeedbackItem,
  LoginAnswer,
  type LoginBody,
  ObjectionStat,
  type PublishBody,
  PullAnswer,
  PushAnswer,
  type PushBody,
  QualityRow,
  Role,
  type ScoreBody,
  SessionUser,
  TeamRef,
} from '../schema/api';
import { ShortText, Ulid } from '../schema/primitives';
import { ConversionReport, MixReport, OperatorReport, TariffMixReport, UpsellReport } from '../schema/reports';
import { SyncFailure } from './failure';
import { apiUrl } from './server-url';

export type FetchFn = (request: Request) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 15_000;

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

export interface ApiClientOptions {
  fetch: FetchFn;
  /** Normalised base URL (server-url.ts). */
  server: string;
  token?: string | null;
  timeoutMs?: number;
}

/** A time range of a console report, epoch ms, both ends included. */
export interface Period {
  from: number;
  to: number;
}

function periodQuery({ from, to }: Period, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) query.set(key, value);
  return query.toString();
}

const segment = encodeURIComponent;

/** A report's period [from, to) in epoch ms, one team or all the caller sees, days cut in `tz`. */
export interface ReportQuery {
  from: number;
  to: number;
  teamId?: string;
  tz?: string;
}

function reportQuery(query: ReportQuery, extra: Record<string, string | undefined> = {}): string {
  return periodQuery(query, { teamId: query.teamId, tz: query.tz, ...extra });
}

/** What the console reads of `GET /users` (the server's UserSummary has more): the plan's operators. */
export const TeamMember = z.object({
  id: Ulid,
  name: ShortText(200),
  role: Role,
  teams: z.array(TeamRef),
  disabled: z.boolean(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  login(body: LoginBody): Promise<LoginAnswer> {
    return this.call('POST', '/auth/login', LoginAnswer, body);
  }

  async logout(): Promise<void> {
    await this.call('POST', '/auth/logout', null);
  }

  me(): Promise<SessionUser> {
    return this.call('GET', '/auth/me', SessionUser);
  }

  push(body: PushBody): Promise<PushAnswer> {
    return this.call('POST', '/sync/push', PushAnswer, body);
  }

  pull(cursor: number, scope: string): Promise<PullAnswer> {
    const query = new URLSearchParams({ cursor: String(cursor), scope });
    return this.call('GET', `/sync/pull?${query}`, PullAnswer);
  }

  device(deviceId: string): Promise<DeviceAnswer> {
    return this.call('GET', `/sync/device/${encodeURIComponent(deviceId)}`, DeviceAnswer);
  }

  documents(kind: DocumentKind): Promise<DocumentSummary[]> {
    return this.call('GET', `/documents?${new URLSearchParams({ kind })}`, z.array(DocumentSummary));
  }

  versions(documentId: string): Promise<ContentVersion[]> {
    return this.call('GET', `/documents/${encodeURIComponent(documentId)}/versions`, z.array(ContentVersion));
  }

  publish(kind: DocumentKind, body: PublishBody): Promise<ContentVersion> {
    return this.call('POST', `/documents/${encodeURIComponent(kind)}/publish`, ContentVersion, body);
  }

  /** Calls the user may see that started in the period, optionally one operator's. */
  calls(query: Period & { userId?: string }): Promise<CallView[]> {
    return this.call('GET', `/calls?${periodQuery(query, { userId: query.userId })}`, z.array(CallView));
  }

  callView(callId: string): Promise<CallView> {
    return this.call('GET', `/calls/${segment(callId)}`, CallView);
  }

  /** The lead's score of a call with the operator's self-check beside it; null: not scored yet. */
  callScore(callId: string): Promise<CallScore | null> {
    return this.call('GET', `/calls/${segment(callId)}/score`, z.nullable(CallScore));
  }

  /** Scores a call against its own checklist version (the server refuses any other). */
  scoreCall(callId: string, body: ScoreBody): Promise<CallScore> {
    return this.call('POST', `/calls/${segment(callId)}/score`, CallScore, body);
  }

  /** Any content version a call the user may see references (R11). */
  contentVersion(versionId: string): Promise<ContentVersion> {
    return this.call('GET', `/calls/versions/${segment(versionId)}`, ContentVersion);
  }

  feedback(period: Period): Promise<FeedbackItem[]> {
    return this.call('GET', `/feedback?${periodQuery(period)}`, z.array(FeedbackItem));
  }

  objectionStats(period: Period): Promise<ObjectionStat[]> {
    return this.call('GET', `/stats/objections?${periodQuery(period)}`, z.array(ObjectionStat));
  }

  quality(period: Period): Promise<QualityRow[]> {
    return this.call('GET', `/stats/quality?${periodQuery(period)}`, z.array(QualityRow));
  }

  /** The members of the caller's teams (an admin: the whole organisation). */
  async users(): Promise<TeamMember[]> {
    return (await this.call('GET', '/users', z.object({ users: z.array(TeamMember) }))).users;
  }

  /** The call-type mix of the period against the period of the same length before it. */
  reportMix(query: ReportQuery): Promise<MixReport> {
    return this.call('GET', `/reports/mix?${reportQuery(query)}`, MixReport);
  }

  /** Offers and sales per call type or per operator. */
  reportUpsell(query: ReportQuery & { by: 'type' | 'operator' }): Promise<UpsellReport> {
    return this.call('GET', `/reports/upsell?${reportQuery(query, { by: query.by })}`, UpsellReport);
  }

  /** "New connection request" calls and how many of them connected (`typeId`: another request type). */
  reportConversion(query: ReportQuery & { typeId?: string }): Promise<ConversionReport> {
    return this.call('GET', `/reports/conversion?${reportQuery(query, { typeId: query.typeId })}`, ConversionReport);
  }

  /** Each operator's figures per day or week. */
  reportOperators(query: ReportQuery & { period: 'day' | 'week' }): Promise<OperatorReport> {
    return this.call('GET', `/reports/operators?${reportQuery(query, { period: query.period })}`, OperatorReport);
  }

  /** Sales per catalogue item (the plan's average check, the panel's cheap-tariff warning). */
  tariffMix(query: ReportQuery): Promise<TariffMixReport> {
    return this.call('GET', `/reports/tariff-mix?${reportQuery(query)}`, TariffMixReport);
  }

  /** One request with a deadline that covers the answer's body too, not only its headers. */
  private async call<T>(method: 'GET' | 'POST', path: string, schema: Parser<T>, body?: unknown): Promise<T>;
  private async call(method: 'GET' | 'POST', path: string, schema: null, body?: unknown): Promise<null>;
  private async call<T>(method: 'GET' | 'POST', path: string, schema: Parser<T> | null, body?: unknown) {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new SyncFailure('offline', `the server did not answer within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exchange(method, path, schema, body, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange<T>(
    method: string,
    path: string,
    schema: Parser<T> | null,
    body: unknown,
    signal: AbortSignal,
  ): Promise<T | null> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = new Request(apiUrl(this.options.server, path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(request);
      text = await response.text();
    } catch (error) {
      throw new SyncFailure('offline', `cannot reach the server: ${describe(error)}`);
    }
    if (!response.ok) throw failureOf(response.status, text);
    if (!schema) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // A captive portal or a proxy's page: the real server is not reachable from here.
      throw new SyncFailure('offline', `the server answered ${method} ${path} with something that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncFailure('error', `unexpected answer to ${method} ${path.split('?')[0]}: ${parsed.error.message}`);
    }
    return parsed.data;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function failureOf(status: number, text: string): SyncFailure {
  let problem: ApiError | null = null;
  try {
    const parsed = ApiError.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not the API's error shape (a proxy's error page): the status alone decides.
  }
  const code = problem?.error.code;
  const message = problem?.error.message ?? `HTTP ${status}`;
  const detail = { status, code, expectedSeq: problem?.expectedSeq };
  if (status === 401) return new SyncFailure('login', message, detail);
  if (status === 409 && code === 'sequence_gap' && problem?.expectedSeq !== undefined) {
    return new SyncFailure('gap', message, detail);
  }
  if (status >= 500 || status === 408 || status === 429) {
    return new SyncFailure('offline', `the server answered ${status}: ${message}`, detail);
  }
  return new SyncFailure('error', message, detail);
}
