import type { BatchItem } from '@ledger/domain';

/** `POST /v1/platforms/{platformId}/years/{year}/batch` (API.md), through Node's global fetch. */
export interface BatchTarget {
  readonly baseUrl: string;
  readonly platformId: string;
  readonly year: number;
  readonly token: string;
}

export interface BatchAccepted {
  readonly stream: string;
  readonly eventIds: readonly string[];
  readonly revision: number;
  readonly position: number;
}

export interface ApiErrorDetail {
  readonly field: string;
  readonly reason: string;
}

export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly details: readonly ApiErrorDetail[];
  /** The rule a domain rejection enforces (RULES.md id or a D-* id), when the server names it. */
  readonly ruleId?: string;
}

export type BatchResponse =
  | { readonly ok: true; readonly status: number; readonly accepted: BatchAccepted }
  | { readonly ok: false; readonly status: number; readonly error: ApiError };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export function batchUrl(target: BatchTarget): string {
  const base = target.baseUrl.replace(/\/+$/, '');
  return `${base}/v1/platforms/${encodeURIComponent(target.platformId)}/years/${String(target.year)}/batch`;
}

/** Sends one batch. Network failures throw; every HTTP answer is returned. */
export async function postBatch(
  target: BatchTarget,
  idempotencyKey: string,
  items: readonly BatchItem[],
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
): Promise<BatchResponse> {
  const response = await fetchImpl(batchUrl(target), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: `Bearer ${target.token}`,
      'Idempotency-Key': idempotencyKey,
    },
    body: JSON.stringify({ items }),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    body = null;
  }
  if (response.ok) {
    const accepted = parseAccepted(body);
    if (accepted !== null) return { ok: true, status: response.status, accepted };
    return {
      ok: false,
      status: response.status,
      error: {
        code: 'BAD_RESPONSE',
        message: `unexpected answer: ${text.slice(0, 200)}`,
        details: [],
      },
    };
  }
  return {
    ok: false,
    status: response.status,
    error: parseApiError(body) ?? {
      code: `HTTP_${String(response.status)}`,
      message: text.slice(0, 200) || response.statusText,
      details: [],
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseAccepted(body: unknown): BatchAccepted | null {
  if (!isRecord(body)) return null;
  const { stream, eventIds, revision, position } = body;
  if (
    typeof stream !== 'string' ||
    !Array.isArray(eventIds) ||
    !eventIds.every((id): id is string => typeof id === 'string') ||
    typeof revision !== 'number' ||
    typeof position !== 'number'
  ) {
    return null;
  }
  return { stream, eventIds, revision, position };
}

/** `{ "error": { code, message, details: [{ field, reason }] } }`, or null for any other body. */
export function parseApiError(body: unknown): ApiError | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, details, ruleId } = body.error;
  if (typeof code !== 'string') return null;
  const parsedDetails: ApiErrorDetail[] = [];
  if (Array.isArray(details)) {
    for (const detail of details as unknown[]) {
      if (isRecord(detail) && typeof detail.field === 'string') {
        parsedDetails.push({
          field: detail.field,
          reason: typeof detail.reason === 'string' ? detail.reason : '',
        });
      }
    }
  }
  return {
    code,
    message: typeof message === 'string' ? message : '',
    details: parsedDetails,
    ...(typeof ruleId === 'string' && { ruleId }),
  };
}
