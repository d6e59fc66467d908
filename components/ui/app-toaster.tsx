"use client";

// Sonner's toaster, made to follow two rules it does not follow by itself:
// - every toast is spoken once, through the page's live regions (errors and warnings as alerts,
//   the rest politely): sonner's own container is a polite live region for all toasts, which would
//   read a critical notification a second time, so it is switched off;
// - no toast disappears while it has keyboard focus. Sonner pauses its timers while the pointer
//   is over the toasts (it expands them); keyboard focus gets the same treatment by telling sonner
//   the pointer is there, and that it left once focus leaves (unless the pointer really is there).
import { useEffect, useRef } from "react";
import { Toaster, useSonner } from "sonner";
import { useAnnounce } from "@/components/ui/live-announcer";

/** Toasts whose id starts with this are announced by whoever raised them (e.g. as a critical alert). */
export const QUIET_TOAST = "quiet:";

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function AppToaster() {
  const wrapper = useRef<HTMLDivElement>(null);
  const announce = useAnnounce();
  const { toasts } = useSonner();
  const spoken = useRef(new Set<string | number>());

  useEffect(() => {
    wrapper.current?.querySelector("section[aria-live]")?.setAttribute("aria-live", "off");
  }, []);

  useEffect(() => {
    for (const toast of toasts) {
      if (spoken.current.has(toast.id)) continue;
      spoken.current.add(toast.id);
      if (String(toast.id).startsWith(QUIET_TOAST)) continue;
      const message = [text(toast.title), text(toast.description)].filter(Boolean).join(". ");
      if (!message) continue;
      if (toast.type === "error" || toast.type === "warning") announce.alert(message);
      else announce.polite(message);
    }
  }, [toasts, announce]);

  const list = () => wrapper.current?.querySelector<HTMLElement>("[data-sonner-toaster]");
  return (
    <div
      ref={wrapper}
      onFocus={() => list()?.dispatchEvent(new MouseEvent("mousemove", { bubbles: true }))}
      onBlur={(event) => {
        const ol = list();
        if (!ol || wrapper.current?.contains(event.relatedTarget as Node | null) || ol.matches(":hover")) return;
        ol.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, relatedTarget: document.body }));
      }}
    >
      <Toaster position="bottom-right" richColors closeButton />
    </div>
  );
}
