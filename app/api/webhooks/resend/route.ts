import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { handleResendWebhook, verifyResendSignature } from "@/lib/email/webhook";

const MAX_BYTES = 256 * 1024;

// POST /api/webhooks/resend — Resend delivery events (Svix signature; bad or stale → 401).
export async function POST(request: Request) {
  try {
    const secret = env().RESEND_WEBHOOK_SECRET;
    if (!secret)
      throw new AppError("service_unavailable", "Delivery webhooks are not configured (RESEND_WEBHOOK_SECRET)");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES)
      throw new AppError("payload_too_large", `The body is larger than ${MAX_BYTES} bytes`);
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_BYTES)
      throw new AppError("payload_too_large", `The body is larger than ${MAX_BYTES} bytes`);
    // Signature first: nothing about an unsigned body is trusted, not even its JSON.
    const payload = verifyResendSignature(body, request.headers, secret);
    const webhookId = request.headers.get("svix-id") ?? request.headers.get("webhook-id")!;
    return Response.json(await handleResendWebhook({ webhookId, payload }));
  } catch (error) {
    return errorResponse(error);
  }
}
