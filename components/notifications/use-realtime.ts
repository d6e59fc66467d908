"use client";

import { useContext, useEffect, useEffectEvent } from "react";
import { RealtimeContext, type Realtime, type RealtimeSignal } from "@/components/notifications/realtime-provider";

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error("useRealtime needs <RealtimeProvider> (mounted in the app layout)");
  return realtime;
}

/** Calls the latest `listener` for every realtime signal while mounted. */
export function useRealtimeSignal(listener: (signal: RealtimeSignal) => void) {
  const { subscribe } = useRealtime();
  const onSignal = useEffectEvent(listener);
  useEffect(() => subscribe((signal) => onSignal(signal)), [subscribe]);
}
