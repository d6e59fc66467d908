import { z } from "zod";
import { defineType } from "../define";
import { formatDate, sentence, truncate } from "../format";
import { portalPath } from "../portal-path";
import { currency, dateTime, email, id, longText, name, personWithEmail, shortText } from "./shared";

const orgStatus = z.enum(["active", "inactive", "suspended", "pending_approval"]);

const statusLabels: Record<z.infer<typeof orgStatus>, string> = {
  active: "active",
  inactive: "inactive",
  suspended: "suspended",
  pending_approval: "pending approval",
};

const domain = z.string().trim().min(1).max(253);

export const organizationTypes = {
  "organization.created_during_sync": defineType({
    category: "organizations",
    label: "Customer created by sync",
    description: "Directory sync (for example Microsoft CSP) creates a customer or tenant.",
    to: ["reseller.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "organization",
    schema: z.object({
      organizationId: id,
      organizationName: name,
      country: shortText,
      city: name.optional(),
      currency,
      microsoftTenantId: id.optional(),
      domain: domain.optional(),
      adminEmail: email.optional(),
      invoicingEmail: email.optional(),
    }),
    render: (d) => ({
      title: `New customer from sync: ${d.organizationName}`,
      body:
        `Created by directory sync in ${d.city ? `${d.city}, ` : ""}${d.country}, billed in ${d.currency}.` +
        (d.domain ? ` Domain: ${d.domain}.` : ""),
      path: portalPath("organization", d.organizationId),
    }),
    email: {
      subject: (d) => `New customer from directory sync: ${d.organizationName}`,
      preheader: (d) =>
        `${d.organizationName} (${d.city ? `${d.city}, ` : ""}${d.country}) was created by directory sync.`,
    },
    example: {
      organizationId: "cust_42",
      organizationName: "Contoso Ltd",
      country: "DE",
      city: "Berlin",
      currency: "EUR",
      microsoftTenantId: "8f3a2c1e-5b7d-4e9f-a1c3-2d4e6f8a0b1c",
      domain: "contoso.onmicrosoft.com",
      adminEmail: "admin@contoso.onmicrosoft.com",
      invoicingEmail: "invoices@contoso.example",
    },
  }),

  "organization.signed_up": defineType({
    category: "organizations",
    label: "New customer sign-up",
    description: "An end customer signs up for the first time.",
    to: ["reseller.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "organization",
    schema: z.object({
      organizationId: id,
      organizationName: name,
      userName: name,
      userEmail: email,
      requestedAt: dateTime,
    }),
    render: (d) => ({
      title: `New sign-up: ${d.organizationName}`,
      body: `${d.userName} (${d.userEmail}) signed up on ${formatDate(d.requestedAt)}.`,
      path: portalPath("organization", d.organizationId),
    }),
    email: {
      subject: (d) => `New customer sign-up: ${d.organizationName}`,
      preheader: (d) => `${d.userName} signed up on ${formatDate(d.requestedAt)}.`,
    },
    example: {
      organizationId: "cust_42",
      organizationName: "Contoso Ltd",
      userName: "Maria Garcia",
      userEmail: "maria.garcia@contoso.example",
      requestedAt: "2026-11-26T09:12:00Z",
    },
  }),

  // The temporary password goes only into the email to `to`; never stored, shown or logged.
  "organization.tenant_created": defineType({
    category: "organizations",
    label: "Microsoft tenant created",
    description: "A new Microsoft tenant was created.",
    to: ["actor"],
    cc: ["reseller.primary", "customer.primary"],
    channels: ["in_app", "email"],
    sensitive: ["temporaryPassword"],
    link: "organization",
    schema: z.object({
      organizationId: id,
      companyName: name,
      microsoftTenantId: id,
      domain,
      adminAccount: z.string().trim().min(1).max(254),
      temporaryPassword: z.string().min(1).max(256),
    }),
    render: (d) => ({
      title: `Microsoft tenant created: ${d.companyName}`,
      body: `Tenant ${d.domain} is ready. Admin account: ${d.adminAccount}; its temporary password is sent by email only.`,
      path: portalPath("organization", d.organizationId),
    }),
    // Never the password in the subject or preheader: they show in notifications and lists.
    email: {
      subject: (d) => `Microsoft tenant created: ${d.companyName}`,
      preheader: (d) => `Tenant ${d.domain} is ready.`,
    },
    example: {
      organizationId: "cust_42",
      companyName: "Contoso Ltd",
      microsoftTenantId: "8f3a2c1e-5b7d-4e9f-a1c3-2d4e6f8a0b1c",
      domain: "contoso.onmicrosoft.com",
      adminAccount: "admin@contoso.onmicrosoft.com",
      temporaryPassword: "Tmp#4821-Kq9x",
    },
  }),

  // No organization name in the data, and cc recipients belong to another org:
  // the text stays neutral ("Organization …", not "Your organization …").
  "organization.status_changed": defineType({
    category: "organizations",
    label: "Organization status changed",
    description: "An organization's status changes: active, inactive, suspended or pending approval.",
    to: ["customer.primary"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    critical: true,
    link: "organization",
    schema: z.object({
      organizationId: id,
      previousStatus: orgStatus,
      status: orgStatus,
      sellerContact: personWithEmail.optional(),
    }),
    render: (d) => ({
      title: `Organization is ${statusLabels[d.status]}`,
      body:
        `Status changed from ${statusLabels[d.previousStatus]} to ${statusLabels[d.status]}.` +
        (d.sellerContact ? ` Questions? Contact ${d.sellerContact.name} (${d.sellerContact.email}).` : ""),
      path: portalPath("organization", d.organizationId),
    }),
    email: {
      subject: (d) => `Organization status changed to ${statusLabels[d.status]}`,
      preheader: (d) => `The status changed from ${statusLabels[d.previousStatus]} to ${statusLabels[d.status]}.`,
    },
    example: {
      organizationId: "cust_42",
      previousStatus: "active",
      status: "suspended",
      sellerContact: { name: "Jonas Weber", email: "jonas.weber@fabrikam.example" },
    },
  }),

  "organization.approval_pending": defineType({
    category: "organizations",
    label: "Organization awaiting approval",
    description: "A new organization waits for your manual approval.",
    to: ["reseller.primary"],
    cc: [],
    channels: ["in_app", "email"],
    critical: true,
    link: "organization",
    schema: z.object({
      organizationId: id,
      organizationName: name,
      requestedBy: personWithEmail.optional(),
      reason: longText.optional(),
    }),
    render: (d) => ({
      title: `Approval needed: ${d.organizationName}`,
      body:
        `${d.organizationName} is waiting for your approval.` +
        (d.requestedBy ? ` Requested by ${d.requestedBy.name} (${d.requestedBy.email}).` : "") +
        (d.reason ? ` Reason: ${sentence(truncate(d.reason))}` : ""),
      path: portalPath("organization", d.organizationId),
    }),
    email: {
      subject: (d) => `Action required: approve ${d.organizationName}`,
      preheader: (d) => `${d.organizationName} is waiting for your approval.`,
    },
    example: {
      organizationId: "cust_43",
      organizationName: "Northwind Traders",
      requestedBy: { name: "Liam Chen", email: "liam.chen@northwind.example" },
      reason: "Credit limit requested above the automatic approval threshold",
    },
  }),
};
