// The signed-in user's row, cached: every API request needs it and it rarely changes. A user change
// (lib/directory/users.ts) drops the cache here and on the other instances, and so does a directory
// change, since the row carries the organization's name and kind (lib/cache/invalidation.ts).
import { db } from "@/lib/db";
import { onInvalidate } from "@/lib/cache/invalidation";

const MAX_ENTRIES = 10_000;
// A safety net for a missed notice; changes normally drop the cache at once.
const LIFETIME_MS = 30_000;

function readUser(id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      timezone: true,
      locale: true,
      organization: { select: { id: true, name: true, kind: true } },
    },
  });
}

type UserRow = NonNullable<Awaited<ReturnType<typeof readUser>>>;

interface Cache {
  users: Map<string, { user: UserRow | null; expiresAt: number }>;
  /** Counts the drops: a read that overlapped one may predate the change and is not stored. */
  generation: number;
}

const holder = globalThis as unknown as { __userCache?: Cache };
const cache = (holder.__userCache ??= { users: new Map(), generation: 0 });
const drop = () => {
  cache.users.clear();
  cache.generation++;
};
onInvalidate("users", drop);
onInvalidate("directory", drop);

/** The user with this id, active or not (null when unknown), from the cache (filled on a miss). */
export async function getUser(id: string): Promise<UserRow | null> {
  const now = Date.now();
  const hit = cache.users.get(id);
  if (hit && hit.expiresAt > now) return hit.user;
  const generation = cache.generation;
  // Shared by every request of this user: frozen so that no caller can change it for the others.
  const row = await readUser(id);
  const user = row && Object.freeze({ ...row, organization: Object.freeze(row.organization) });
  if (generation === cache.generation) {
    cache.users.delete(id);
    if (cache.users.size >= MAX_ENTRIES) cache.users.delete(cache.users.keys().next().value!);
    cache.users.set(id, { user, expiresAt: now + LIFETIME_MS });
  }
  return user;
}
