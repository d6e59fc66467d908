// The signed-in user's own clock and language (User.timezone, User.locale): set by directory sync,
// changeable by the user. Snooze times are chosen and shown on this clock; digests and quiet hours
// follow it too.
import { z } from "zod";
import { db } from "@/lib/db";
import { directoryChanged } from "@/lib/directory/events";
import { localeSchema, timezoneSchema } from "@/lib/directory/schemas";

export const profileBodySchema = z
  .strictObject({ timezone: timezoneSchema.optional(), locale: localeSchema.optional() })
  .refine((body) => body.timezone !== undefined || body.locale !== undefined, { message: "Send timezone or locale" });

export interface Profile {
  timezone: string;
  locale: string;
}

export async function updateProfile(userId: string, change: Partial<Profile>): Promise<Profile> {
  const profile = await db.user.update({
    where: { id: userId },
    data: change,
    select: { timezone: true, locale: true },
  });
  // The signed-in user is cached on every instance.
  directoryChanged({ kind: "user", id: userId });
  return profile;
}
