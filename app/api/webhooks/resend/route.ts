import { bodyTooLarge, MAX_WEBHOOK_BYTES } from "@/lib/api/body-limits";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { handleResendWebhook, verifyResendSignature } from "@/lib/email/webhook";

// POST /api/webhooks/resend — Resend delivery events (Svix signature; bad or stale → 401).
export async function POST(request: Request) {
  try {
    const secret = env().RESEND_WEBHOOK_SECRET;
    if (!secret)
      throw new AppError("service_unavailable", "Delivery webhooks are not configured (RESEND_WEBHOOK_SECRET)");
    // The server has already refused a larger body (lib/server/body-limit.ts); this covers direct calls.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) throw bodyTooLarge(MAX_WEBHOOK_BYTES);
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_WEBHOOK_BYTES) throw bodyTooLarge(MAX_WEBHOOK_BYTES);
    // Signature first: nothing about an unsigned body is trusted, not even its JSON.
    const payload = verifyResendSignature(body, request.headers, secret);
    const webhookId = request.headers.get("svix-id") ?? request.headers.get("webhook-id")!;
    return Response.json(await handleResendWebhook({ webhookId, payload }));
  } catch (error) {
    return errorResponse(error);
  }
}
