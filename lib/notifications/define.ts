// The vocabulary every notification type is written in, and `defineType`.
// Lives apart from catalog.ts so the per-category files in types/ can import it
// without importing the catalog that imports them (no circular imports).
// Client-safe: nothing here may import server-only code.
import type { z } from "zod";

export type Channel = "in_app" | "email";
export const channels: readonly Channel[] = ["in_app", "email"];

// Key order is the display order in the inbox filters and the settings page.
export const categories = {
  orders: { label: "Orders" },
  catalog: { label: "Catalog and offers" },
  scheduled_orders: { label: "Scheduled orders" },
  quotes: { label: "Quotes and proposals" },
  subscriptions: { label: "Subscriptions" },
  organizations: { label: "Organizations" },
  payments: { label: "Payments" },
} as const;

export type Category = keyof typeof categories;
export const categoryKeys = Object.keys(categories) as Category[];

export type AudienceToken =
  | "actor"
  | "customer.primary"
  | "customer.billing"
  | "customer.admins"
  | "reseller.primary"
  | "reseller.billing"
  | "reseller.account_managers"
  | "distributor.primary"
  | "vendor.primary";

export const audienceTokens: readonly AudienceToken[] = [
  "actor",
  "customer.primary",
  "customer.billing",
  "customer.admins",
  "reseller.primary",
  "reseller.billing",
  "reseller.account_managers",
  "distributor.primary",
  "vendor.primary",
];

export type LinkKind =
  "order" | "catalog" | "offer" | "subscription" | "proposal" | "quote" | "organization" | "billing";

export interface InAppContent {
  title: string;
  body: string;
  /** path under PORTAL_BASE_URL, e.g. "/orders/ord_1", or null */
  path: string | null;
}

/** A type's email words; the body is its template in emails/. */
export interface EmailCopy<D> {
  subject(data: D): string;
  /** The preview line mail clients show after the subject. */
  preheader(data: D): string;
}

export interface TypeDefinition<S extends z.ZodType> {
  category: Category;
  /** Short user-facing name, e.g. in the settings UI. */
  label: string;
  /** When it is sent, as a sentence a user understands. */
  description: string;
  to: AudienceToken[];
  cc: AudienceToken[];
  /** Channels that are on by default. */
  channels: Channel[];
  /** In-app delivery cannot be turned off by anyone. */
  critical: boolean;
  /** Top-level `data` keys that must never be stored in plain text, shown in-app or logged. */
  sensitive: string[];
  /** Schema of the event's `data`. */
  schema: S;
  link: LinkKind;
  /** In-app title and body. Must not include sensitive fields. */
  render(data: z.infer<S>): InAppContent;
  /** Email subject and preheader: shown in mail lists too, so no sensitive fields either. */
  email: EmailCopy<z.infer<S>>;
  /** A realistic payload that passes `schema`: used by tests, email previews and API docs. */
  example: z.input<S>;
}

// What an entry spells out. `cc`, `critical` and `sensitive` default to the common case
// so the one critical or sensitive type stands out; `sensitive` is checked against the schema.
type TypeInput<S extends z.ZodObject> = Omit<TypeDefinition<S>, "cc" | "critical" | "sensitive"> & {
  cc?: AudienceToken[];
  critical?: boolean;
  sensitive?: (keyof z.output<S> & string)[];
};

// Generic so each entry keeps its precise schema type: `render` gets typed data and
// `example` is checked against the schema's input at compile time.
export function defineType<S extends z.ZodObject>(input: TypeInput<S>): TypeDefinition<S> {
  return { ...input, cc: input.cc ?? [], critical: input.critical ?? false, sensitive: input.sensitive ?? [] };
}
