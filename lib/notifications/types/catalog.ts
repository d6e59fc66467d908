import { z } from "zod";
import { defineType } from "../define";
import { formatDate, humanize, listWithMore, plural } from "../format";
import { portalPath } from "../portal-path";
import { date, id, name, shortText } from "./shared";

const changeVerbs = {
  added: "added to",
  removed: "removed from",
  price_changed: "repriced in",
  updated: "updated in",
} as const;

export const catalogTypes = {
  "catalog.changed": defineType({
    category: "catalog",
    label: "Catalog changes",
    description: "Products in your catalog are added, removed, repriced or updated.",
    to: ["reseller.primary"],
    cc: ["reseller.account_managers"],
    channels: ["in_app"],
    link: "catalog",
    schema: z.object({
      changeType: z.enum(["added", "removed", "price_changed", "updated"]),
      products: z
        .array(z.object({ sku: shortText, name }))
        .min(1)
        .max(500),
      effectiveDate: date,
    }),
    render: (d) => {
      const [first] = d.products;
      const subject = d.products.length === 1 && first ? first.name : plural(d.products.length, "product");
      return {
        title: `${subject} ${changeVerbs[d.changeType]} your catalog`,
        body: `${listWithMore(d.products.map((p) => p.name))}. Effective ${formatDate(d.effectiveDate)}.`,
        path: portalPath("catalog", null),
      };
    },
    email: {
      subject: (d) =>
        `Your catalog changed: ${plural(d.products.length, "product")} ${humanize(d.changeType).toLowerCase()}`,
      preheader: (d) => `Effective ${formatDate(d.effectiveDate)}.`,
    },
    example: {
      changeType: "price_changed",
      products: [
        { sku: "CFQ7TTC0LFLZ:0002", name: "Microsoft 365 E3" },
        { sku: "CFQ7TTC0LFK5:0002", name: "Microsoft 365 E5" },
        { sku: "CFQ7TTC0LDPB:0001", name: "Microsoft 365 Business Premium" },
      ],
      effectiveDate: "2026-12-01",
    },
  }),

  "offer.available": defineType({
    category: "catalog",
    label: "New offer available",
    description: "A vendor's product gets an active offer that you can sell.",
    to: ["reseller.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "offer",
    schema: z.object({
      offerId: id,
      offerName: name,
      productName: name,
      vendorName: name,
      availableFrom: date,
    }),
    render: (d) => ({
      title: `New offer: ${d.offerName}`,
      body: `${d.productName} by ${d.vendorName} is available to sell from ${formatDate(d.availableFrom)}.`,
      path: portalPath("offer", d.offerId),
    }),
    email: {
      subject: (d) => `New offer available: ${d.offerName}`,
      preheader: (d) => `${d.productName} by ${d.vendorName} can be sold from ${formatDate(d.availableFrom)}.`,
    },
    example: {
      offerId: "offer_77",
      offerName: "Microsoft 365 E3 (annual, paid monthly)",
      productName: "Microsoft 365 E3",
      vendorName: "Microsoft",
      availableFrom: "2026-12-01",
    },
  }),
};
