// Display names of channels. Client-safe.
import type { Channel } from "@/lib/notifications/catalog";

export const channelLabels: Record<Channel, string> = { in_app: "In-app", email: "Email" };
