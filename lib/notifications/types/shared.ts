// Zod building blocks shared by the payload schemas. Limits are generous for real data and
// tight enough that one event cannot carry megabytes of text into storage and email.
import { z } from "zod";

/** Platform ids ("ord_1", "sub_42"): opaque, non-empty. */
export const id = z.string().min(1).max(200);

/** Names of people, companies, offers, quotes; trimmed so text reads cleanly. */
export const name = z.string().trim().min(1).max(200);

/** Short labels or codes: statuses, order types, error codes. */
export const shortText = z.string().trim().min(1).max(100);

/** Free text written by people: notes, comments, reasons, error messages. */
export const longText = z.string().trim().min(1).max(5000);

export const email = z.email().max(254);

/** A decimal string, never a float: "1234.50", "0.0125", "-20.00" (credits). */
export const amount = z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'Expected a decimal string such as "1234.50"');

/** ISO 4217 code. */
export const currency = z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as "EUR"');

/** A calendar date; the platform sends either "2026-11-28" or a full ISO 8601 timestamp. */
export const date = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A moment; a date alone is accepted too, as the platform is not consistent about it. */
export const dateTime = date;

export const person = z.object({ name });
export const personWithEmail = z.object({ name, email });

const orderItem = z.object({
  offerName: name,
  quantity: z.int().positive().max(1_000_000),
  unitPrice: amount,
  currency,
});

/** An order has at least one line; 500 matches the largest batch the platform sends. */
export const orderItems = z.array(orderItem).min(1).max(500);
