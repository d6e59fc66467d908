"use client";

// The signed-in user's clock (User.timezone, User.locale): snooze times are chosen and shown on
// it, not on the browser's.
import { createContext, useContext } from "react";

export interface UserClock {
  timezone: string;
  locale: string;
}

const UserClockContext = createContext<UserClock>({ timezone: "UTC", locale: "en" });

export function UserClockProvider({ clock, children }: { clock: UserClock; children: React.ReactNode }) {
  return <UserClockContext.Provider value={clock}>{children}</UserClockContext.Provider>;
}

export function useUserClock(): UserClock {
  return useContext(UserClockContext);
}

/** "Mon, 7 Dec, 09:00" on the user's clock (the year when it is not this one). */
export function formatOnClock(instant: Date, { timezone, locale }: UserClock, now = new Date()): string {
  const sameYear = instant.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(locale, {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
}
