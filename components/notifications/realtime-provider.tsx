"use client";

// One Socket.IO connection per tab, shared through context. It keeps the unread count (always
// read back from the server, never summed from deltas) and fans realtime events out to the
// lists on the page. Events are hints: on every (re)connect and when the browser comes back
// online, lists resync from the API and the count is refetched.
import { createContext, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { toast } from "sonner";
import type { NotificationItem } from "@/lib/notifications/item";
import type { ServerToClientEvents } from "@/lib/realtime/protocol";
import type { ItemChange } from "@/components/notifications/list-machine";
import { fetchUnreadCount } from "@/components/notifications/api";
import { QUIET_TOAST } from "@/components/ui/app-toaster";
import { useAnnounce } from "@/components/ui/live-announcer";

export type RealtimeSignal =
  | { kind: "new"; item: NotificationItem }
  | ({ kind: "updated" } & ItemChange)
  | { kind: "count"; count: number }
  | { kind: "resync" };

export interface Realtime {
  unreadCount: number;
  connected: boolean;
  refreshCount(): Promise<void>;
  /** Tells every list in this tab (also used for local optimistic changes). */
  publish(signal: RealtimeSignal): void;
  subscribe(listener: (signal: RealtimeSignal) => void): () => void;
}

export const RealtimeContext = createContext<Realtime | null>(null);

export function RealtimeProvider({
  initialUnreadCount,
  children,
}: {
  initialUnreadCount: number;
  children: React.ReactNode;
}) {
  const [unreadCount, setUnreadCount] = useState(initialUnreadCount);
  const [connected, setConnected] = useState(false);
  const arrivals = useArrivalAnnouncer();
  const listeners = useRef(new Set<(signal: RealtimeSignal) => void>());
  // Bumped by every pushed count, so a slower fetch started earlier cannot overwrite it.
  const countVersion = useRef(0);

  const publish = useCallback((signal: RealtimeSignal) => {
    for (const listener of listeners.current) listener(signal);
  }, []);

  const subscribe = useCallback((listener: (signal: RealtimeSignal) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const refreshCount = useCallback(async () => {
    const version = ++countVersion.current;
    try {
      const count = await fetchUnreadCount();
      if (version === countVersion.current) setUnreadCount(count);
    } catch {
      // Keep the last known count; the next event or reconnect fetches again.
    }
  }, []);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents> = io({
      path: "/socket.io",
      // WebSocket first; long-polling only when a proxy refuses the upgrade.
      transports: ["websocket", "polling"],
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 15_000,
      randomizationFactor: 0.5,
    });
    const resync = () => {
      void refreshCount();
      publish({ kind: "resync" });
    };
    socket.on("connect", () => {
      setConnected(true);
      resync();
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("notification:new", (item) => {
      publish({ kind: "new", item });
      arrivals(item);
      void refreshCount();
      if (item.critical) toast.warning(item.title, { description: item.body, id: `${QUIET_TOAST}critical-${item.id}` });
    });
    socket.on("notification:updated", (update) => publish({ kind: "updated", ...update }));
    socket.on("notifications:unread-count", ({ count }) => {
      countVersion.current++;
      setUnreadCount(count);
      publish({ kind: "count", count });
    });
    // A dropped network can leave the socket looking connected until its heartbeat fails:
    // coming back online resyncs at once, and reconnects if the socket did notice.
    const online = () => (socket.connected ? resync() : socket.connect());
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      socket.disconnect();
    };
  }, [publish, refreshCount, arrivals]);

  const value = useMemo(
    () => ({ unreadCount, connected, refreshCount, publish, subscribe }),
    [unreadCount, connected, refreshCount, publish, subscribe],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

// Arrivals within this long are announced together ("3 new notifications").
const GATHER_MS = 1_000;

/**
 * Screen readers hear new notifications without focus moving: each critical one at once as an
 * alert (and never again politely), the others gathered into one polite message.
 */
function useArrivalAnnouncer() {
  const announce = useAnnounce();
  const gathered = useRef<NotificationItem[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (item: NotificationItem) => {
      if (item.critical) return announce.alert(`Critical notification: ${item.title}. ${item.body}`);
      gathered.current.push(item);
      if (gathered.current.length > 1) return;
      timer.current = setTimeout(() => {
        const items = gathered.current;
        gathered.current = [];
        announce.polite(
          items.length === 1 ? `New notification: ${items[0]!.title}` : `${items.length} new notifications`,
        );
      }, GATHER_MS);
    },
    [announce],
  );
}
