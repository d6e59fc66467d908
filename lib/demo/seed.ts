// Demo directory: a distributor, two resellers, four customers, a vendor and users in every role.
// Idempotent: upserts by platform id, so it can run on every start of an empty or seeded database.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { invalidate } from "@/lib/cache/invalidation";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";

const DEMO_PASSWORD = "demo1234";

interface DemoOrg {
  id: string;
  name: string;
  kind: OrgKind;
  parentId?: string;
  primary?: string;
  billing?: string;
  branding?: { logoUrl?: string; primaryColor?: string };
}

const demoOrganizations: DemoOrg[] = [
  { id: "platform", name: "Marketplace Platform", kind: "platform", primary: "u_platform_admin" },
  {
    id: "dist_northwind",
    name: "Northwind Distribution",
    kind: "distributor",
    parentId: "platform",
    primary: "u_dana",
  },
  {
    id: "res_contoso",
    name: "Contoso Reseller",
    kind: "reseller",
    parentId: "dist_northwind",
    primary: "u_ryan",
    billing: "u_bill",
    branding: { primaryColor: "#2563eb" },
  },
  {
    id: "res_fabrikam",
    name: "Fabrikam Partners",
    kind: "reseller",
    parentId: "dist_northwind",
    primary: "u_fiona",
    billing: "u_fiona",
    branding: { primaryColor: "#0f766e" },
  },
  {
    id: "cust_adatum",
    name: "Adatum Corporation",
    kind: "customer",
    parentId: "res_contoso",
    primary: "u_alice",
    billing: "u_ben",
  },
  {
    id: "cust_litware",
    name: "Litware Inc.",
    kind: "customer",
    parentId: "res_contoso",
    primary: "u_liam",
    billing: "u_liam",
  },
  {
    id: "cust_tailspin",
    name: "Tailspin Toys",
    kind: "customer",
    parentId: "res_fabrikam",
    primary: "u_tom",
    billing: "u_tom",
  },
  {
    id: "cust_woodgrove",
    name: "Woodgrove Bank",
    kind: "customer",
    parentId: "res_fabrikam",
    primary: "u_wendy",
    billing: "u_wendy",
  },
  { id: "vendor_1", name: "Cloudware Vendor", kind: "vendor", parentId: "platform", primary: "u_victor" },
];

interface DemoUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: Role;
  note: string;
}

export const demoUsers: DemoUser[] = [
  {
    id: "u_platform_admin",
    email: "admin@platform.example",
    name: "Pat Platform",
    organizationId: "platform",
    role: "admin",
    note: "platform admin (console)",
  },
  {
    id: "u_dana",
    email: "dana@northwind.example",
    name: "Dana Distributor",
    organizationId: "dist_northwind",
    role: "admin",
    note: "distributor admin, primary contact",
  },
  {
    id: "u_ryan",
    email: "ryan@contoso.example",
    name: "Ryan Reseller",
    organizationId: "res_contoso",
    role: "admin",
    note: "reseller admin, primary contact",
  },
  {
    id: "u_amy",
    email: "amy@contoso.example",
    name: "Amy Account",
    organizationId: "res_contoso",
    role: "account_manager",
    note: "reseller account manager",
  },
  {
    id: "u_bill",
    email: "bill@contoso.example",
    name: "Bill Billing",
    organizationId: "res_contoso",
    role: "billing_admin",
    note: "reseller billing contact",
  },
  {
    id: "u_fiona",
    email: "fiona@fabrikam.example",
    name: "Fiona Fabrikam",
    organizationId: "res_fabrikam",
    role: "admin",
    note: "reseller admin, primary and billing contact",
  },
  {
    id: "u_alice",
    email: "alice@adatum.example",
    name: "Alice Adatum",
    organizationId: "cust_adatum",
    role: "admin",
    note: "customer admin, primary contact",
  },
  {
    id: "u_ben",
    email: "ben@adatum.example",
    name: "Ben Adatum",
    organizationId: "cust_adatum",
    role: "billing_admin",
    note: "customer billing contact",
  },
  {
    id: "u_mia",
    email: "mia@adatum.example",
    name: "Mia Adatum",
    organizationId: "cust_adatum",
    role: "member",
    note: "customer member",
  },
  {
    id: "u_liam",
    email: "liam@litware.example",
    name: "Liam Litware",
    organizationId: "cust_litware",
    role: "admin",
    note: "customer admin",
  },
  {
    id: "u_tom",
    email: "tom@tailspin.example",
    name: "Tom Tailspin",
    organizationId: "cust_tailspin",
    role: "admin",
    note: "customer admin",
  },
  {
    id: "u_wendy",
    email: "wendy@woodgrove.example",
    name: "Wendy Woodgrove",
    organizationId: "cust_woodgrove",
    role: "admin",
    note: "customer admin",
  },
  {
    id: "u_victor",
    email: "victor@cloudware.example",
    name: "Victor Vendor",
    organizationId: "vendor_1",
    role: "admin",
    note: "vendor primary contact",
  },
];

export async function isDatabaseEmpty() {
  return (await db.organization.count()) === 0;
}

export async function seedDemoData() {
  // Parents first: the list is ordered so that each parent precedes its children.
  for (const org of demoOrganizations) {
    const data = {
      name: org.name,
      kind: org.kind,
      parentId: org.parentId ?? null,
      primaryContactId: org.primary ?? null,
      billingContactId: org.billing ?? null,
      branding: org.branding ?? undefined,
    };
    await db.organization.upsert({ where: { id: org.id }, create: { id: org.id, ...data }, update: data });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of demoUsers) {
    const data = {
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      role: user.role,
      active: true,
    };
    await db.user.upsert({ where: { id: user.id }, create: { id: user.id, passwordHash, ...data }, update: data });
  }
  // A seed may reset a running deployment's directory (e.g. reactivate a demo user).
  await Promise.all([invalidate("directory"), invalidate("users")]);
}

export function describeDemoAccounts() {
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  return (
    demoUsers.map((u) => `  ${u.email.padEnd(width)}  ${u.note}`).join("\n") +
    `\n  (password for all: ${DEMO_PASSWORD})`
  );
}
