// Standard Webhooks signing (standardwebhooks.com) through the maintained `standardwebhooks`
// package: `webhook-signature` is "v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>", one per
// valid secret, space-separated (two during the 24 hours after a rotation).
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

const SECRET_PREFIX = "whsec_";

/** A new signing secret: "whsec_" and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** The three Standard Webhooks headers for one send of a message. */
export function signMessage(secrets: string[], id: string, at: Date, body: string): SignedHeaders {
  // The library signs whole seconds (as the header carries): pass a time without milliseconds.
  const seconds = Math.floor(at.getTime() / 1000);
  const timestamp = new Date(seconds * 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(seconds),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(" "),
  };
}
