// Whether the server loads the demo directory when it starts. The demo accounts share a published
// password (one of them a platform admin), so they exist only where asked for: in development on
// an empty database, or with SEED_DEMO_DATA=true. A production server never creates them on its
// own (not even on the embedded database) and never prints their password.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { demoUsers, describeDemoAccounts, isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed";

const hasDemoAccounts = async () => (await db.user.count({ where: { email: demoUsers[0]!.email } })) > 0;

export async function loadDemoDataAtStart({
  dev,
  setting = env().SEED_DEMO_DATA,
  log = console.log,
}: {
  dev: boolean;
  setting?: string;
  log?: (line: string) => void;
}): Promise<boolean> {
  const mode = setting === "true" || setting === "false" ? setting : dev ? "auto" : "false";
  const seeded = mode === "true" || (mode === "auto" && (await isDatabaseEmpty()));
  if (seeded) await seedDemoData();
  if (dev) {
    // Development: the accounts to try, whenever they are there.
    if (seeded || (await hasDemoAccounts())) log(`Demo accounts:\n${describeDemoAccounts()}\n`);
  } else if (seeded) {
    log(
      "Demo data loaded (SEED_DEMO_DATA=true): its accounts, a platform admin among them, share a published " +
        "password. Never do this on a server others can reach; create admins with npm run admin:create.",
    );
  } else if (await isDatabaseEmpty()) {
    log("The directory is empty. Create the first platform admin with: npm run admin:create -- --email <address>");
  }
  return seeded;
}
