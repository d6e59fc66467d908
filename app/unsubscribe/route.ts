import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { unsubscribe } from "@/lib/email/unsubscribe";

// GET /unsubscribe?token=… — the link in the email: the confirmation page. GET never changes
// anything, so mail scanners that follow links cannot unsubscribe anyone.
export async function GET(request: Request) {
  const url = new URL(request.url);
  // Built on APP_URL, never on the request's Host or X-Forwarded-Proto, which the client controls.
  const target = new URL("/unsubscribe/confirm", env().APP_URL);
  target.searchParams.set("token", url.searchParams.get("token") ?? "");
  return Response.redirect(target, 303);
}

// POST /unsubscribe?token=… — one-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`).
export async function POST(request: Request) {
  try {
    const token = new URL(request.url).searchParams.get("token");
    if (!token) throw new AppError("not_found", "This unsubscribe link is not valid.");
    const state = await unsubscribe(token);
    return Response.json(
      "categories" in state.subject
        ? { status: "unsubscribed", categories: state.subject.categories }
        : { status: "unsubscribed", type: state.type },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
