// Event envelopes the benchmark posts (architecture.md, Platform API). One type throughout:
// payment.currency_reset (in-app and email on by default, audience: the customer's admins).
import { EVENT_TYPE as TYPE, FANOUT_ORG, PLAIN_ORG } from "./directory";

const data = { previousCurrency: "USD", currency: "EUR", effectiveFrom: "2026-12-01" };

/** An event for one named recipient (its organization has no admins: one notification). */
export function directEvent(id: string, recipient: string) {
  return {
    id,
    type: TYPE,
    occurredAt: new Date().toISOString(),
    organizationId: PLAIN_ORG,
    recipients: { userIds: [recipient] },
    data,
  };
}

/** An event for every admin of the fan-out organization. */
export function fanoutEvent(id: string) {
  return { id, type: TYPE, occurredAt: new Date().toISOString(), organizationId: FANOUT_ORG, data };
}

let sequence = 0;
/** Unique across runs on one database and within this run. */
export const nextEventId = (prefix: string) => `${prefix}_${process.pid}_${++sequence}`;

export const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
