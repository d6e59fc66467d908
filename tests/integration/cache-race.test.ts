// A cache load that read its rows before a change committed, and finishes after that change's
// invalidation, must not put the stale rows back (lib/cache/keyed-cache.ts). Each test holds a
// real read's answer until the change has committed and invalidated, then lets it finish.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidation";
import { getOrgChains } from "@/lib/directory/org-cache";
import { getOrganizationSettings } from "@/lib/preferences/settings-cache";
import { changeOrganizationSettings } from "@/lib/preferences/org-settings";
import { getRecipientRules } from "@/lib/recipient-rules/cache";
import { saveRecipientRule } from "@/lib/recipient-rules/store";
import { resetDatabase } from "../support/integration";

beforeEach(() => resetDatabase());

/** Wraps a real read so that its answer is held until release(); `read` resolves once the rows were read. */
function heldRead<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  let release!: () => void;
  let markRead!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const read = new Promise<void>((resolve) => (markRead = resolve));
  const wrapped = async (...args: A) => {
    const rows = await fn(...args);
    markRead();
    await gate;
    return rows;
  };
  return { wrapped, read, release };
}

describe("a load overtaken by a change does not put stale rows back", () => {
  it("organization settings cache", async () => {
    invalidate("organization-preferences");
    const held = heldRead((args: any) => db.organizationPreference.findMany(args));
    const stale = getOrganizationSettings(["cust_adatum"], {
      organizationPreference: { findMany: held.wrapped },
    } as any);
    await held.read;
    await changeOrganizationSettings({
      actorId: "u_alice",
      actorOrganizationId: "cust_adatum",
      organizationId: "cust_adatum",
      types: ["quote.sent"],
      channel: "email",
      enabled: false,
      strict: true,
    });
    held.release();
    expect(await stale).toEqual([]); // its own caller gets what it read
    expect(await getOrganizationSettings(["cust_adatum"])).toEqual([
      expect.objectContaining({ type: "quote.sent", channel: "email", enabled: false }),
    ]);
  });

  it("organization chain cache", async () => {
    invalidate("directory");
    const held = heldRead((statement: Parameters<typeof db.$queryRaw>[0]) => db.$queryRaw(statement));
    const stale = getOrgChains(["cust_adatum"], { $queryRaw: held.wrapped } as any);
    await held.read;
    await db.organization.update({ where: { id: "cust_adatum" }, data: { primaryContactId: "u_mia" } });
    invalidate("directory");
    held.release();
    expect((await stale).get("cust_adatum")?.[0]?.primaryContactId).toBe("u_alice");
    expect((await getOrgChains(["cust_adatum"])).get("cust_adatum")?.[0]?.primaryContactId).toBe("u_mia");
  });

  it("recipient rule cache", async () => {
    invalidate("recipient-rules");
    const held = heldRead((args: any) => db.recipientRule.findMany(args));
    const stale = getRecipientRules(["res_contoso"], { recipientRule: { findMany: held.wrapped } } as any);
    await held.read;
    await saveRecipientRule({
      actor: { userId: "u_ryan", organizationId: "res_contoso", via: "admin" },
      organizationId: "res_contoso",
      type: "quote.sent",
      body: { to: [{ email: "billing@contoso.example" }], cc: [], bcc: [] },
    });
    held.release();
    expect((await stale).get("res_contoso")?.size).toBe(0);
    expect((await getRecipientRules(["res_contoso"])).get("res_contoso")?.get("quote.sent")?.to).toEqual([
      { email: "billing@contoso.example" },
    ]);
  });

  it("without a change in between, a load is stored (the next read does not query)", async () => {
    invalidate("recipient-rules");
    await getRecipientRules(["res_contoso"]);
    const counting = { calls: 0 };
    const client = { recipientRule: { findMany: async () => (counting.calls++, []) } } as any;
    await getRecipientRules(["res_contoso"], client);
    expect(counting.calls).toBe(0);
  });
});
