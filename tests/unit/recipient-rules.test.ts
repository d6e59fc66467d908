import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/notifications/catalog";
import { typesFor } from "@/lib/notifications/reach";
import {
  assignRecipients,
  effectiveRule,
  eventOrgs,
  expandRule,
  fieldChannels,
  indexDirectoryUsers,
  mayReceiveSensitive,
  wantedKeys,
  type ChainOrg,
  type DirectoryUser,
  type StoredRule,
} from "@/lib/recipient-rules/resolve";
import { recipientRuleBody, type Rule } from "@/lib/recipient-rules/schemas";
import { zodDetails } from "@/lib/errors";

const platform: ChainOrg = { id: "platform", name: "Marketplace", kind: "platform" };
const distributor: ChainOrg = { id: "dist", name: "Northwind", kind: "distributor", primaryContactId: "u_dana" };
const reseller: ChainOrg = {
  id: "res",
  name: "Contoso",
  kind: "reseller",
  primaryContactId: "u_ryan",
  billingContactId: "u_bill",
};
const customer: ChainOrg = {
  id: "cust",
  name: "Adatum",
  kind: "customer",
  primaryContactId: "u_alice",
  billingContactId: "u_ben",
};
const chain = [customer, reseller, distributor, platform];
const definition = catalog["subscription.renewal_failed"]; // to: customer.primary, customer.billing / cc: reseller.primary

const rule = (organizationId: string, r: Partial<Rule>, locked = false): StoredRule => ({
  organizationId,
  to: r.to ?? [],
  cc: r.cc ?? [],
  bcc: r.bcc ?? [],
  locked,
});
const rules = (...list: StoredRule[]) => new Map(list.map((r) => [r.organizationId, r]));

const user = (
  id: string,
  organizationId: string,
  role: DirectoryUser["role"] = "member",
  active = true,
): DirectoryUser => ({
  id,
  email: `${id.slice(2)}@example.com`,
  name: id.slice(2),
  organizationId,
  role,
  active,
});
const directory = [
  user("u_alice", "cust", "admin"),
  user("u_ben", "cust", "billing_admin"),
  user("u_bea", "cust", "billing_admin"),
  user("u_old", "cust", "billing_admin", false),
  user("u_mia", "cust"),
  user("u_ryan", "res", "admin"),
  user("u_bill", "res", "billing_admin"),
  user("u_amy", "res", "account_manager"),
  user("u_dana", "dist", "admin"),
  user("u_eve", "other_cust", "admin"),
];
const lookup = indexDirectoryUsers(directory);

function resolve(effectiveRules: Map<string, StoredRule>, context: Partial<Parameters<typeof expandRule>[1]> = {}) {
  const effective = effectiveRule(definition, chain, effectiveRules);
  const wants = expandRule(effective, { orgs: eventOrgs(chain)!, ...context });
  return { effective, wants, ...assignRecipients(wants, lookup) };
}
const fields = (result: ReturnType<typeof resolve>) =>
  Object.fromEntries([
    ...result.users.map((u) => [u.user.id, u.field]),
    ...result.addresses.map((a) => [a.email, a.field]),
  ]);

describe("rule resolution walk", () => {
  it("uses the catalog's tokens when no organization has a rule", () => {
    const result = resolve(rules());
    expect(result.effective).toMatchObject({ source: "catalog", locked: false });
    expect(fields(result)).toEqual({ u_alice: "to", u_ben: "to", u_ryan: "cc" });
  });

  it("the platform's rule replaces the catalog default", () => {
    const result = resolve(rules(rule("platform", { to: [{ token: "customer.admins" }] })));
    expect(result.effective).toMatchObject({ source: "organization", organizationId: "platform" });
    expect(fields(result)).toEqual({ u_alice: "to" });
  });

  it("the nearest rule wins: customer over reseller over distributor over platform", () => {
    const all = [
      rule("platform", { to: [{ userId: "u_mia" }] }),
      rule("dist", { to: [{ token: "distributor.primary" }] }),
      rule("res", { to: [{ token: "reseller.primary" }] }),
      rule("cust", { to: [{ token: "customer.billing" }] }),
    ];
    expect(resolve(rules(...all)).effective.organizationId).toBe("cust");
    expect(resolve(rules(...all.slice(0, 3))).effective.organizationId).toBe("res");
    expect(fields(resolve(rules(...all.slice(0, 2))))).toEqual({ u_dana: "to" });
    expect(fields(resolve(rules(...all.slice(0, 1))))).toEqual({ u_mia: "to" });
  });
});

describe("locks", () => {
  it("a locked rule above wins over rules beneath it, even ones saved before the lock", () => {
    const result = resolve(
      rules(rule("dist", { to: [{ token: "reseller.billing" }] }, true), rule("cust", { to: [{ userId: "u_mia" }] })),
    );
    expect(result.effective).toMatchObject({ organizationId: "dist", locked: true });
    expect(fields(result)).toEqual({ u_bill: "to" });
  });

  it("the highest lock wins over a lower one", () => {
    const result = resolve(
      rules(rule("platform", { to: [{ userId: "u_mia" }] }, true), rule("res", { to: [{ userId: "u_amy" }] }, true)),
    );
    expect(result.effective.organizationId).toBe("platform");
  });

  it("an unlocked rule above does not stop a nearer one", () => {
    const result = resolve(
      rules(rule("dist", { to: [{ userId: "u_dana" }] }), rule("res", { to: [{ userId: "u_amy" }] })),
    );
    expect(result.effective.organizationId).toBe("res");
  });
});

describe("every Recipient form", () => {
  it("tokens resolve against the event's chain (contacts, admins, account managers)", () => {
    const result = resolve(
      rules(
        rule("res", {
          to: [{ token: "customer.primary" }, { token: "customer.admins" }],
          cc: [{ token: "reseller.account_managers" }, { token: "reseller.billing" }, { token: "distributor.primary" }],
        }),
      ),
    );
    expect(fields(result)).toEqual({ u_alice: "to", u_amy: "cc", u_bill: "cc", u_dana: "cc" });
  });

  it("actor is the user involved in the event, and nobody without one", () => {
    const r = rules(rule("res", { to: [{ token: "actor" }] }));
    expect(fields(resolve(r, { actorId: "u_mia" }))).toEqual({ u_mia: "to" });
    expect(fields(resolve(r))).toEqual({});
  });

  it("a role names every active user with it in that organization of the chain", () => {
    const result = resolve(
      rules(rule("res", { to: [{ role: "billing_admin", of: "customer" }], cc: [{ role: "admin", of: "reseller" }] })),
    );
    // u_old is a deactivated billing admin: not listed.
    expect(fields(result)).toEqual({ u_ben: "to", u_bea: "to", u_ryan: "cc" });
    expect(result.skipped).toEqual([]);
  });

  it("a role of an organization kind missing from the chain names nobody", () => {
    expect(fields(resolve(rules(rule("res", { to: [{ role: "admin", of: "vendor" }] }))))).toEqual({});
  });

  it("a userId names that user; a deactivated or unknown one is reported as skipped", () => {
    const result = resolve(
      rules(rule("res", { to: [{ userId: "u_mia" }, { userId: "u_old" }, { userId: "u_ghost" }] })),
    );
    expect(fields(result)).toEqual({ u_mia: "to" });
    expect(result.skipped.map((s) => [s.userId, s.skipped])).toEqual([
      ["u_old", "inactive"],
      ["u_ghost", "unknown_user"],
    ]);
  });

  it("an outside address stays an address (email only); one that belongs to a directory user is that user", () => {
    const result = resolve(
      rules(
        rule("res", {
          to: [{ token: "customer.primary" }],
          cc: [{ email: "finance@adatum.example" }, { email: "mia@example.com" }],
          bcc: [{ email: "old@example.com" }],
        }),
      ),
    );
    expect(fields(result)).toEqual({ u_alice: "to", u_mia: "cc", "finance@adatum.example": "cc" });
    // old@example.com is the deactivated u_old: that user, so nothing.
    expect(result.skipped.map((s) => [s.userId, s.skipped])).toEqual([["u_old", "inactive"]]);
    expect(fieldChannels("cc", true)).toEqual({ inApp: false, email: true });
  });

  it("wantedKeys asks for ids, roles and addresses once each", () => {
    const { wants } = resolve(
      rules(
        rule("res", {
          to: [{ role: "admin", of: "customer" }, { token: "customer.admins" }],
          cc: [{ email: "a@x.example" }],
        }),
      ),
    );
    expect(wantedKeys(wants)).toEqual({
      userIds: [],
      roles: [{ orgId: "cust", role: "admin" }],
      emails: ["a@x.example"],
    });
  });
});

describe("one field per person, the strongest", () => {
  it("a person named in cc by a token and in to explicitly ends in to, with both entries kept", () => {
    const result = resolve(rules(rule("res", { cc: [{ token: "customer.primary" }] })), {
      explicitUserIds: ["u_alice"],
    });
    const alice = result.users.find((u) => u.user.id === "u_alice")!;
    expect(alice.field).toBe("to");
    expect(alice.choices.map((c) => [c.source, c.field])).toEqual([
      ["envelope", "to"],
      ["organization", "cc"],
    ]);
  });

  it("bcc and cc for one person: cc; bcc and to: to", () => {
    const result = resolve(
      rules(
        rule("res", {
          to: [{ userId: "u_ben" }],
          cc: [{ role: "admin", of: "customer" }],
          bcc: [{ token: "customer.billing" }, { token: "customer.primary" }, { email: "x@outside.example" }],
        }),
      ),
      { explicitEmails: ["X@Outside.example"] },
    );
    expect(fields(result)).toEqual({ u_ben: "to", u_alice: "cc", "x@outside.example": "to" });
  });

  it("bcc recipients get email only", () => {
    expect(fieldChannels("bcc", false)).toEqual({ inApp: false, email: true });
    expect(fieldChannels("to", false)).toEqual({ inApp: true, email: true });
  });
});

describe("sensitive fields", () => {
  it("only to recipients of the event's organization or one above it", () => {
    expect(mayReceiveSensitive({ field: "to", organizationId: "cust" }, chain)).toBe(true);
    expect(mayReceiveSensitive({ field: "to", organizationId: "res" }, chain)).toBe(true);
    expect(mayReceiveSensitive({ field: "to", organizationId: "other_cust" }, chain)).toBe(false);
    expect(mayReceiveSensitive({ field: "cc", organizationId: "cust" }, chain)).toBe(false);
    expect(mayReceiveSensitive({ field: "bcc", organizationId: "cust" }, chain)).toBe(false);
    expect(mayReceiveSensitive({ field: "to", organizationId: null }, chain)).toBe(false);
  });
});

describe("rule bodies", () => {
  const errors = (body: unknown) => {
    const parsed = recipientRuleBody.safeParse(body);
    return parsed.success ? [] : zodDetails(parsed.error).map((d) => d.path);
  };

  it("accepts every form, lowercases addresses and defaults missing fields to empty", () => {
    const parsed = recipientRuleBody.parse({
      to: [{ token: "customer.primary" }, { role: "billing_admin", of: "customer" }, { userId: "u_9" }],
      bcc: [{ email: " Finance@Adatum.example " }],
      locked: true,
    });
    expect(parsed).toEqual({
      to: [{ token: "customer.primary" }, { role: "billing_admin", of: "customer" }, { userId: "u_9" }],
      cc: [],
      bcc: [{ email: "finance@adatum.example" }],
      locked: true,
    });
  });

  it("names each bad entry by JSON path", () => {
    expect(errors({ to: [{ token: "nobody" }], cc: [{ email: "not-an-address" }] })).toEqual([
      "to[0].token",
      "cc[0].email",
    ]);
    expect(errors({ to: [{ role: "billing_admin" }] })).toEqual(["to[0].of"]);
    expect(errors({ to: [{ userId: "u_1", email: "a@b.example" }] })).toEqual(["to[0].email"]);
    expect(errors({ to: [{}] })).toEqual(["to[0]"]);
    expect(errors({ to: [{ role: "owner", of: "customer" }] })).toEqual(["to[0].role"]);
    expect(errors({ to: [], extra: 1 })).toEqual(["$"]);
  });

  it("at most 50 entries in all", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ email: `p${i}@x.example` }));
    expect(errors({ to: many.slice(0, 25), cc: many.slice(0, 25) })).toEqual([]);
    expect(errors({ to: many, cc: many.slice(0, 21) })).toEqual(["$"]);
  });
});

describe("types per organization kind", () => {
  it("customers do not see seller-only or vendor-only types; platforms see every type", () => {
    const customer = typesFor("customer");
    expect(customer).toContain("quote.sent");
    expect(customer).not.toContain("catalog.changed");
    expect(customer).not.toContain("order.provisioning_details");
    expect(typesFor("reseller")).toContain("catalog.changed");
    expect(typesFor("reseller")).toContain("quote.sent");
    expect(typesFor("platform")).toHaveLength(Object.keys(catalog).length);
  });
});
