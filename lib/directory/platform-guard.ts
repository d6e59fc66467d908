// The Platform API syncs the marketplace's organizations and users; it never reaches the center's
// own operators. An API key could otherwise create or take over a platform organization, make a
// user a platform admin there, or sign in as the platform admin, and from the console mint keys
// of its own. Platform admins are created with `npm run admin:create` (scripts/admin-create.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { invalidField } from "./invalid-field";

type Reader = Pick<Prisma.TransactionClient, "organization" | "user">;

const OPERATORS_NOTE = "platform organizations and their users are managed by the center's operators";

/** 422 for `kind: platform`, 403 for an organization that already is one. */
export async function assertNotPlatformOrganization(tx: Reader, id: string, kind: string) {
  if (kind === "platform") throw invalidField("kind", `must not be platform: ${OPERATORS_NOTE}, not the Platform API`);
  const existing = await tx.organization.findUnique({ where: { id }, select: { kind: true } });
  if (existing?.kind === "platform")
    throw new AppError("forbidden", `Organization ${id} is the platform organization: ${OPERATORS_NOTE}`);
}

/** 422 for a user placed in a platform organization, 403 for a user who already is in one. */
export async function assertNotPlatformUser(tx: Reader, userId: string, organizationId?: string) {
  if (organizationId) {
    const target = await tx.organization.findUnique({ where: { id: organizationId }, select: { kind: true } });
    if (target?.kind === "platform")
      throw invalidField("organizationId", `names the platform organization: ${OPERATORS_NOTE}, not the Platform API`);
  }
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { organization: { select: { kind: true } } },
  });
  if (user?.organization.kind === "platform")
    throw new AppError("forbidden", `User ${userId} belongs to the platform organization: ${OPERATORS_NOTE}`);
}
