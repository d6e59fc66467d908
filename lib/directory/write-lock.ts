// Directory writes are rare and must see a consistent tree (kind rules, cycles, contacts that
// belong to their organization), so they run one at a time: each in a transaction that first
// takes the same transaction-scoped advisory lock. This also makes concurrent upserts of one id
// plain sequential updates, and "created or updated" exact.
import { db, sql, type Prisma } from "@/lib/db";

const DIRECTORY_LOCK = sql`SELECT pg_advisory_xact_lock(7260001)`;

export function directoryTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw(DIRECTORY_LOCK);
      return work(tx);
    },
    // A bulk sync may queue many writers behind the lock: give them time rather than fail.
    { maxWait: 10_000, timeout: 20_000 },
  );
}
