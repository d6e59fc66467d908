import type { ChannelOutcome } from "@/lib/console/dashboard";

/** Channel names as the dashboard shows them (server and client components alike). */
export const channelNames: Record<ChannelOutcome["channel"], string> = {
  in_app: "In-app",
  email: "Email",
  webhook: "Webhook",
};
