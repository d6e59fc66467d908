// Platform admins are created by the operators, on the server, never through the Platform API
// (lib/directory/platform-guard.ts) nor by demo data in production: `npm run admin:create`.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { invalidate } from "@/lib/cache/invalidation";
import { hasUnsafeCharacters, UNSAFE_CHARACTERS_MESSAGE } from "@/lib/text/clean";

export const MIN_ADMIN_PASSWORD_LENGTH = 12;
const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(320));

/**
 * Creates (or promotes) a platform admin: an active user with role admin in the platform
 * organization, created too when the directory has none. An existing user of another
 * organization is refused rather than moved. Without a password the user signs in by link.
 */
export async function createPlatformAdmin(input: { email: string; name?: string; password?: string }) {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw new AppError("validation_failed", `${input.email} is not an email address`);
  const email = parsed.data;
  if (input.name !== undefined && hasUnsafeCharacters(input.name.trim()))
    throw new AppError("validation_failed", `The name ${UNSAFE_CHARACTERS_MESSAGE}`);
  if (input.password !== undefined && input.password.length < MIN_ADMIN_PASSWORD_LENGTH)
    throw new AppError("validation_failed", `The password needs at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);

  const user = await db.$transaction(async (tx) => {
    const platform =
      (await tx.organization.findFirst({ where: { kind: "platform" }, orderBy: { createdAt: "asc" } })) ??
      (await tx.organization.create({ data: { id: "platform", name: "Marketplace Platform", kind: "platform" } }));
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing && existing.organizationId !== platform.id)
      throw new AppError(
        "conflict",
        `${email} belongs to organization ${existing.organizationId}; a platform admin needs an address of its own`,
      );
    const data = { role: "admin" as const, active: true, ...(passwordHash ? { passwordHash } : {}) };
    const saved = existing
      ? await tx.user.update({ where: { id: existing.id }, data })
      : await tx.user.create({
          data: {
            id: `admin_${randomBytes(6).toString("hex")}`,
            email,
            name: input.name?.trim() || email.split("@")[0]!,
            organizationId: platform.id,
            ...data,
          },
        });
    await tx.auditLog.create({
      data: {
        action: existing ? "user.admin_promoted" : "user.admin_created",
        target: saved.id,
        details: { via: "cli" },
      },
    });
    return saved;
  });
  await invalidate("users");
  return user;
}
