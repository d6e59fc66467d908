"use client";

import { useState } from "react";
import type { OrganizationSettingItem, PreferenceChangeEntry } from "@/lib/preferences/items";
import { OrgHistory } from "./org-history";
import { OrgSettingsMatrix } from "./org-settings-matrix";

/** The admin page's interactive part: the matrix, and the history that follows its changes. */
export function OrgSettingsView(props: {
  organizationId: string;
  organizationName: string;
  initialItems: OrganizationSettingItem[];
  initialHistory: { items: PreferenceChangeEntry[]; nextCursor: string | null };
}) {
  const [version, setVersion] = useState(0);
  return (
    <>
      <OrgSettingsMatrix
        organizationId={props.organizationId}
        organizationName={props.organizationName}
        initialItems={props.initialItems}
        onChanged={() => setVersion((v) => v + 1)}
      />
      <OrgHistory organizationId={props.organizationId} initial={props.initialHistory} version={version} />
    </>
  );
}
