// Subject and preheader of every email type. A missing type is a compile error (`satisfies`).
// Client-safe: templates import the preheader from here, the sender the subject.
import type { NotificationData, NotificationType } from "../notifications/catalog";
import { formatDate, formatMoney, humanize, plural } from "../notifications/format";

interface Copy<T extends NotificationType> {
  subject(data: NotificationData<T>): string;
  /** The preview line mail clients show after the subject. */
  preheader(data: NotificationData<T>): string;
}

type CopyTable = { [T in NotificationType]: Copy<T> };

const statusWords = {
  active: "active",
  inactive: "inactive",
  suspended: "suspended",
  pending_approval: "pending approval",
} as const;

export const emailCopy = {
  "order.note_added": {
    subject: (d) => `New note on order ${d.orderNumber}`,
    preheader: (d) => `${d.author.name} added a note to order ${d.orderNumber}.`,
  },
  "order.pending_approval": {
    subject: (d) => `Action required: approve order ${d.orderNumber}`,
    preheader: (d) =>
      `${d.customerName}'s order of ${formatMoney(d.totalAmount, d.currency)} is waiting for your approval.`,
  },
  "order.status_changed": {
    subject: (d) => `Order ${d.orderNumber}: ${humanize(d.status).toLowerCase()}`,
    preheader: (d) => `The order for ${d.customerName} is now ${humanize(d.status).toLowerCase()}.`,
  },
  "order.provisioning_notice": {
    subject: (d) => `Order ${d.orderNumber} is being provisioned`,
    preheader: (d) =>
      `Provisioning can take ${d.expectedWithin ?? "from a few minutes to a few days"}; we will let you know when it is done.`,
  },
  "order.provisioning_details": {
    subject: (d) => `Manual provisioning needed: ${d.offerName} (order ${d.orderNumber})`,
    preheader: (d) =>
      `${d.customer.companyName} ordered ${d.offerName} through ${d.partner.companyName}; start date ${formatDate(d.startDate)}.`,
  },
  "catalog.changed": {
    subject: (d) =>
      `Your catalog changed: ${plural(d.products.length, "product")} ${humanize(d.changeType).toLowerCase()}`,
    preheader: (d) => `Effective ${formatDate(d.effectiveDate)}.`,
  },
  "offer.available": {
    subject: (d) => `New offer available: ${d.offerName}`,
    preheader: (d) => `${d.productName} by ${d.vendorName} can be sold from ${formatDate(d.availableFrom)}.`,
  },
  "scheduled_order.created": {
    subject: (d) => `Change scheduled for ${d.subscriptionName}`,
    preheader: (d) => `${humanize(d.changeType)} on ${formatDate(d.scheduledFor)} (order ${d.orderNumber}).`,
  },
  "scheduled_order.cancelled": {
    subject: (d) => `Scheduled change cancelled: ${d.subscriptionName}`,
    preheader: (d) => `${d.cancelledBy.name} cancelled the change planned for ${formatDate(d.scheduledFor)}.`,
  },
  "proposal.submitted": {
    subject: (d) => `New proposal from ${d.sellerName}: ${d.orderReference}`,
    preheader: (d) =>
      `Review the proposal${d.totalAmount && d.currency ? ` of ${formatMoney(d.totalAmount, d.currency)}` : ""} and order when you are ready.`,
  },
  "quote.sent": {
    subject: (d) =>
      d.version && d.version > 1 ? `Updated quote: ${d.quoteName} (v${d.version})` : `New quote: ${d.quoteName}`,
    preheader: (d) => `${d.accountManager.name} sent a quote for ${formatMoney(d.totalAmount, d.currency)}.`,
  },
  "quote.accepted": {
    subject: (d) => `Quote accepted: ${d.quoteName}`,
    preheader: (d) => `${d.acceptedBy.name} at ${d.customerName} accepted the quote.`,
  },
  "quote.rejected": {
    subject: (d) => `Quote rejected: ${d.quoteName}`,
    preheader: (d) => `${d.rejectedByOrg} rejected the quote for ${formatMoney(d.totalAmount, d.currency)}.`,
  },
  "quote.canceled": {
    subject: (d) => `Quote cancelled: ${d.quoteName}`,
    preheader: () => "This quote can no longer be accepted.",
  },
  "quote.change_requested": {
    subject: (d) => `Changes requested: ${d.quoteName}`,
    preheader: (d) => `${d.requestedBy.name} asked for changes to the quote.`,
  },
  "subscription.provisioned": {
    subject: (d) => `Ready to use: ${d.offerName}`,
    preheader: (d) => `${d.offerName} is provisioned for ${d.customerName}.`,
  },
  "subscription.order_placed": {
    subject: (d) => `Order placed: ${d.orderNumber}`,
    preheader: (d) => `Total ${formatMoney(d.totalAmount, d.currency)}. We will let you know when it is provisioned.`,
  },
  "subscription.order_canceled": {
    subject: (d) => `Cancellation ordered: ${d.subscriptionName}`,
    preheader: (d) => `Cancellation order ${d.orderNumber} was placed.`,
  },
  "subscription.renewal_upcoming": {
    subject: (d) =>
      d.daysUntilRenewal === 0
        ? `${d.subscriptionName} renews today`
        : `${d.subscriptionName} renews in ${plural(d.daysUntilRenewal, "day")}`,
    preheader: (d) => `Renewal on ${formatDate(d.renewalDate)} for ${formatMoney(d.totalAmount, d.currency)}.`,
  },
  "subscription.renewed": {
    subject: (d) => `Renewed: ${d.subscriptionName}`,
    preheader: (d) =>
      `Renewed on ${formatDate(d.renewedAt)}.${d.nextRenewalDate ? ` Next renewal: ${formatDate(d.nextRenewalDate)}.` : ""}`,
  },
  "subscription.renewal_failed": {
    subject: (d) => `Action required: renewal failed for ${d.subscriptionName}`,
    preheader: (d) =>
      d.retryAt
        ? `We will retry on ${formatDate(d.retryAt)}. Fix the problem before then.`
        : "Open the subscription to resolve it.",
  },
  "subscription.changed": {
    subject: (d) => `Subscription changed: ${d.subscriptionName}`,
    preheader: (d) => `${plural(d.changes.length, "change")} applied.`,
  },
  "subscription.partial_upgrade": {
    subject: (d) => `Partial upgrade: ${d.subscriptionName}`,
    preheader: (d) => `The subscription was split in two from ${formatDate(d.effectiveDate)}.`,
  },
  "subscription.change_failed": {
    subject: (d) => `Action required: change failed for ${d.subscriptionName}`,
    preheader: (d) => `Could not apply “${d.attemptedChange}”.`,
  },
  "organization.created_during_sync": {
    subject: (d) => `New customer from directory sync: ${d.organizationName}`,
    preheader: (d) =>
      `${d.organizationName} (${d.city ? `${d.city}, ` : ""}${d.country}) was created by directory sync.`,
  },
  "organization.signed_up": {
    subject: (d) => `New customer sign-up: ${d.organizationName}`,
    preheader: (d) => `${d.userName} signed up on ${formatDate(d.requestedAt)}.`,
  },
  // Never the password in the subject or preheader: they show in notifications and lists.
  "organization.tenant_created": {
    subject: (d) => `Microsoft tenant created: ${d.companyName}`,
    preheader: (d) => `Tenant ${d.domain} is ready.`,
  },
  "organization.status_changed": {
    subject: (d) => `Organization status changed to ${statusWords[d.status]}`,
    preheader: (d) => `The status changed from ${statusWords[d.previousStatus]} to ${statusWords[d.status]}.`,
  },
  "organization.approval_pending": {
    subject: (d) => `Action required: approve ${d.organizationName}`,
    preheader: (d) => `${d.organizationName} is waiting for your approval.`,
  },
  "payment.autopay_enabled": {
    subject: () => "Automatic payment turned on",
    preheader: (d) => `The card ending in ${d.last4} will be charged automatically.`,
  },
  "payment.currency_reset": {
    subject: (d) => `Your billing currency is now ${d.currency}`,
    preheader: (d) =>
      `${d.previousCurrency} is no longer offered; ${d.currency} applies from ${formatDate(d.effectiveFrom)}.`,
  },
} satisfies CopyTable;

export function subjectFor<T extends NotificationType>(type: T, data: NotificationData<T>): string {
  return (emailCopy as CopyTable)[type].subject(data);
}

export function preheaderFor<T extends NotificationType>(type: T, data: NotificationData<T>): string {
  return (emailCopy as CopyTable)[type].preheader(data);
}
