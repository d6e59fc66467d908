"use client";

// A user's notification settings: the channel matrix and "When email arrives" share the cadences,
// since "Reset to organization defaults" removes the user's cadence choices along with the others.
import { useState } from "react";
import type { NotificationType } from "@/lib/notifications/catalog";
import type { CadenceItem, PreferenceItem, ScheduleView } from "@/lib/preferences/items";
import { DeliverySettings } from "./delivery-settings";
import { UserPreferencesMatrix } from "./user-preferences-matrix";

export function NotificationSettings({
  initialItems,
  initialCadence,
  initialSchedule,
  types,
}: {
  initialItems: PreferenceItem[];
  initialCadence: CadenceItem[];
  initialSchedule: ScheduleView;
  types: readonly NotificationType[];
}) {
  const [cadence, setCadence] = useState(initialCadence);
  return (
    <>
      <UserPreferencesMatrix
        initialItems={initialItems}
        types={types}
        cadenceChoices={cadence.filter((item) => item.source === "user").length}
        onCadenceReset={setCadence}
      />
      <DeliverySettings cadence={cadence} setCadence={setCadence} initialSchedule={initialSchedule} types={types} />
    </>
  );
}
