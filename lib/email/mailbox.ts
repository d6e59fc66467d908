// The development mailbox: emails captured instead of sent when there is no RESEND_API_KEY.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { CurrentUser } from "@/lib/auth/session";
import { mailIsCaptured } from "./transport";

/**
 * Open to anyone in development; in production only when mail is captured (EMAIL_DISABLED) and
 * only to platform admins, since captured mail can hold sensitive fields.
 */
export function mailboxAvailable(user: CurrentUser | null): boolean {
  if (!mailIsCaptured()) return false;
  if (env().NODE_ENV !== "production") return true;
  return user?.organization.kind === "platform" && user.role === "admin";
}

export function listCapturedEmails(params: { limit?: number; to?: string } = {}) {
  return db.capturedEmail.findMany({
    where: params.to ? { to: { contains: params.to, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(params.limit ?? 100, 500),
    select: { id: true, to: true, from: true, subject: true, createdAt: true },
  });
}

export function getCapturedEmail(id: string) {
  return db.capturedEmail.findUnique({ where: { id } });
}
