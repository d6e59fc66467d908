import { z } from "zod";
import { defineType } from "../define";
import { formatDate, humanize } from "../format";
import { portalPath } from "../portal-path";
import { date, id, name, person, shortText } from "./shared";

// The data carries no subscriptionId, so the link opens the subscriptions list: linking
// "/subscriptions/{scheduledOrderId}" would be a broken page.
export const scheduledOrderTypes = {
  "scheduled_order.created": defineType({
    category: "scheduled_orders",
    label: "Change scheduled",
    description: "A subscription change is scheduled for a chosen date or for the next renewal.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({
      scheduledOrderId: id,
      orderNumber: shortText,
      subscriptionName: name,
      // What will change, as the platform names it (e.g. "quantity_change"); not enumerated.
      changeType: shortText,
      schedule: z.enum(["custom_date", "on_renewal"]),
      scheduledFor: date,
    }),
    render: (d) => ({
      title: `Change scheduled: ${d.subscriptionName}`,
      body:
        `${humanize(d.changeType)} scheduled ` +
        `${d.schedule === "on_renewal" ? "for the renewal on" : "for"} ${formatDate(d.scheduledFor)} (order ${d.orderNumber}).`,
      path: portalPath("subscription", null),
    }),
    email: {
      subject: (d) => `Change scheduled for ${d.subscriptionName}`,
      preheader: (d) => `${humanize(d.changeType)} on ${formatDate(d.scheduledFor)} (order ${d.orderNumber}).`,
    },
    example: {
      scheduledOrderId: "so_311",
      orderNumber: "ORD-1077",
      subscriptionName: "Microsoft 365 E3",
      changeType: "quantity_change",
      schedule: "on_renewal",
      scheduledFor: "2027-01-15",
    },
  }),

  "scheduled_order.cancelled": defineType({
    category: "scheduled_orders",
    label: "Scheduled change cancelled",
    description: "A change scheduled for a chosen date is cancelled.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({
      scheduledOrderId: id,
      subscriptionName: name,
      scheduledFor: date,
      cancelledBy: person,
    }),
    render: (d) => ({
      title: `Scheduled change cancelled: ${d.subscriptionName}`,
      body: `${d.cancelledBy.name} cancelled the change planned for ${formatDate(d.scheduledFor)}.`,
      path: portalPath("subscription", null),
    }),
    email: {
      subject: (d) => `Scheduled change cancelled: ${d.subscriptionName}`,
      preheader: (d) => `${d.cancelledBy.name} cancelled the change planned for ${formatDate(d.scheduledFor)}.`,
    },
    example: {
      scheduledOrderId: "so_311",
      subscriptionName: "Microsoft 365 E3",
      scheduledFor: "2027-01-15",
      cancelledBy: { name: "Anna Schmidt" },
    },
  }),
};
