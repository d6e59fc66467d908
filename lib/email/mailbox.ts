// The development mailbox: emails captured instead of sent when there is no RESEND_API_KEY.
import { db } from "@/lib/db";
import { isPlatformAdmin } from "@/lib/auth/platform-admin";
import type { CurrentUser } from "@/lib/auth/session";
import { mailIsCaptured } from "./transport";

/**
 * Only while mail is captured, and only to a signed-in platform admin, in every environment:
 * captured mail holds other people's messages (temporary passwords of `to` recipients, sign-in
 * details), and a development server is sometimes reachable from a network. One rule everywhere
 * rather than "each user sees their own mail": outside addresses and test recipients have no
 * account, and developers use the demo admin anyway.
 */
export function mailboxAvailable(user: CurrentUser | null): boolean {
  return mailIsCaptured() && user !== null && isPlatformAdmin(user);
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
