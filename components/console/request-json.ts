// The console's client components want a result rather than an exception: the API's error shape
// becomes one message (plus field details) the UI can show.
import { ApiError, apiRequest, type ApiErrorDetail } from "@/lib/api/client";

export interface RequestError {
  code: string;
  message: string;
  details?: ApiErrorDetail[];
}

export async function requestJson<T>(
  url: string,
  init: { method: string; body?: unknown },
): Promise<{ ok: true; data: T } | { ok: false; error: RequestError }> {
  try {
    const data = await apiRequest<T>(url, {
      method: init.method,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { ok: true, data };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return {
      ok: false,
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    };
  }
}
