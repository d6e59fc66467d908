// Small pure formatters for notification text. Pure and locale-fixed on purpose: the same
// event renders the same words on the server (stored title/body), in emails and in tests.

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "1234.5", "EUR" → "EUR 1,234.50". Amounts are decimal strings, formatted without float rounding. */
export function formatMoney(amount: string, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    // Up to 4 decimals so unit prices like 0.0125 are not rounded away; totals still show 2.
    format = new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      currencyDisplay: "code",
      maximumFractionDigits: 4,
    });
    moneyFormats.set(currency, format);
  }
  // Intl puts a no-break space after the code; a plain space keeps stored text predictable.
  return format.format(amount as Intl.StringNumericLiteral).replace(/\u00a0/g, " ");
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2026-11-28" or "2026-11-28T10:00:00+01:00" → "28 Nov 2026".
 * Uses the calendar date as written (in the sender's offset) instead of converting to a time
 * zone: render has no recipient time zone, and a date must not shift by one between machines.
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** Card expiry "2027-11" → "11/2027". */
export function formatExpiry(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  return match ? `${match[2]}/${match[1]}` : yearMonth;
}

/** "1 day", "3 licences". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "completed_with_errors" / "billingFrequency" → "Completed with errors" / "Billing frequency". */
export function humanize(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Free text from the platform may or may not end with punctuation; in a body it should. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Keeps in-app bodies short; the full text is one click away. */
export function truncate(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

/** ["A", "B", "C", "D"] → "A, B and 2 more"; ["A", "B"] → "A and B". */
export function listWithMore(names: string[], shown = 2): string {
  if (names.length <= shown + 1) {
    if (names.length <= 1) return names.join("");
    return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

/** Order lines → "25 × Microsoft 365 E3 and 2 more items". */
export function summarizeItems(items: { offerName: string; quantity: number }[]): string {
  const [first, ...rest] = items;
  if (!first) return "No items";
  const head = `${first.quantity} × ${first.offerName}`;
  return rest.length ? `${head} and ${plural(rest.length, "more item", "more items")}` : head;
}
