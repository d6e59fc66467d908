// The brand an email carries: the recipient's reseller (walking up from the user's organization,
// or from the event's organization for plain addresses). Recipients above any reseller (a
// distributor, a vendor, the platform) get the neutral marketplace brand.
import { onInvalidate } from "@/lib/cache/invalidation";
import { db, sql } from "@/lib/db";
import type { EmailBrand } from "./types";

const defaultBrand: EmailBrand = { name: "Cloud Marketplace", logoUrl: null, primaryColor: "#111827" };

const colour = /^#[0-9a-fA-F]{3,8}$|^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/;

// Every email needs its brand and a fan-out's share one: cached per organization. A directory
// change drops the cache (here and, through NOTIFY, on the app instances); the lifetime bounds a
// missed notice, e.g. in a standalone worker that does not listen.
const LIFETIME_MS = 30_000;
const brands = new Map<string, { brand: Promise<EmailBrand>; at: number }>();
onInvalidate("directory", () => brands.clear());

export function brandFor(organizationId: string): Promise<EmailBrand> {
  const cached = brands.get(organizationId);
  if (cached && Date.now() - cached.at < LIFETIME_MS) return cached.brand;
  if (brands.size > 10_000) brands.clear();
  const brand = loadBrand(organizationId);
  brands.set(organizationId, { brand, at: Date.now() });
  brand.catch(() => brands.delete(organizationId));
  return brand;
}

async function loadBrand(organizationId: string): Promise<EmailBrand> {
  const rows = await db.$queryRaw<{ name: string; branding: unknown }[]>(sql`
    WITH RECURSIVE up AS (
      SELECT id, name, kind, branding, "parentId", 0 AS depth FROM "Organization" WHERE id = ${organizationId}
      UNION ALL
      SELECT o.id, o.name, o.kind, o.branding, o."parentId", up.depth + 1 FROM "Organization" o JOIN up ON o.id = up."parentId" WHERE up.depth < 20
    )
    SELECT name, branding FROM up WHERE kind = 'reseller' ORDER BY depth LIMIT 1`);
  const reseller = rows[0];
  if (!reseller) return defaultBrand;
  const branding = (reseller.branding ?? {}) as { logoUrl?: unknown; primaryColor?: unknown };
  // Branding comes from the platform API; only values that are safe inside a style or src attribute.
  const logoUrl =
    typeof branding.logoUrl === "string" && /^https:\/\//.test(branding.logoUrl) ? branding.logoUrl : null;
  const primaryColor =
    typeof branding.primaryColor === "string" && colour.test(branding.primaryColor)
      ? branding.primaryColor
      : defaultBrand.primaryColor;
  return { name: reseller.name, logoUrl, primaryColor };
}
