"use client";

// The page's two live regions, so that every message is spoken once: a polite status (what just
// happened: "2 new notifications", "Email for Quotes turned off") and an alert for what needs
// attention now (a critical notification, a change that failed). Nothing else on the app pages is
// a live region for these messages (the toaster is silenced: see app-toaster.tsx).
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";

interface Announce {
  polite(message: string): void;
  alert(message: string): void;
}

const AnnounceContext = createContext<Announce | null>(null);

export function useAnnounce(): Announce {
  const announce = useContext(AnnounceContext);
  if (!announce) throw new Error("useAnnounce needs a LiveAnnouncer above it");
  return announce;
}

// A region is emptied first and filled a moment later, so that the same words twice in a row
// are spoken twice (screen readers only read changes).
const REFILL_MS = 100;

function useRegion() {
  const [text, setText] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const say = useCallback((message: string) => {
    clearTimeout(timer.current);
    setText("");
    timer.current = setTimeout(() => setText(message), REFILL_MS);
  }, []);
  return [text, say] as const;
}

export function LiveAnnouncer({ children }: { children: React.ReactNode }) {
  const [politeText, polite] = useRegion();
  const [alertText, alert] = useRegion();
  const value = useMemo(() => ({ polite, alert }), [polite, alert]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div role="status" aria-atomic="true" className="sr-only" data-testid="live-status">
        {politeText}
      </div>
      <div role="alert" aria-atomic="true" className="sr-only" data-testid="live-alert">
        {alertText}
      </div>
    </AnnounceContext.Provider>
  );
}
