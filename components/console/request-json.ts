// fetch() for the console's client components: JSON in, JSON out, and the API's error shape
// turned into one message (plus field details) the UI can show.
export interface RequestError {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}

export async function requestJson<T>(url: string, init: { method: string; body?: unknown }): Promise<{ ok: true; data: T } | { ok: false; error: RequestError }> {
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const json = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    return { ok: false, error: json?.error ?? { code: "http_error", message: `The server answered ${response.status}.` } };
  } catch {
    return { ok: false, error: { code: "network_error", message: "We could not reach the server. Check your connection and try again." } };
  }
}
