"use client";

import { useState } from "react";
import type { OrganizationCadenceItem, OrganizationSettingItem, PreferenceChangeEntry } from "@/lib/preferences/items";
import { OrgCadenceSection } from "./org-cadence-section";
import { OrgHistory } from "./org-history";
import { OrgSettingsMatrix } from "./org-settings-matrix";
import { RecipientRulesSection } from "@/components/recipients/recipient-rules-section";
import type { ComponentProps } from "react";
import type { NotificationType } from "@/lib/notifications/catalog";

/** The admin page's interactive part: the matrix, and the history that follows its changes. */
export function OrgSettingsView(props: {
  organizationId: string;
  organizationName: string;
  initialItems: OrganizationSettingItem[];
  initialCadence: OrganizationCadenceItem[];
  initialHistory: { items: PreferenceChangeEntry[]; nextCursor: string | null };
  /** The types this organization deals with (typesFor its kind): the matrix and the recipient rules show these. */
  types: NotificationType[];
  recipients: Omit<ComponentProps<typeof RecipientRulesSection>, "onChanged" | "types">;
}) {
  const [version, setVersion] = useState(0);
  return (
    <>
      <OrgSettingsMatrix
        organizationId={props.organizationId}
        organizationName={props.organizationName}
        initialItems={props.initialItems}
        types={props.types}
        onChanged={() => setVersion((v) => v + 1)}
      />
      <OrgCadenceSection
        organizationId={props.organizationId}
        initialItems={props.initialCadence}
        types={props.types}
        onChanged={() => setVersion((v) => v + 1)}
      />
      <RecipientRulesSection {...props.recipients} types={props.types} onChanged={() => setVersion((v) => v + 1)} />
      <OrgHistory organizationId={props.organizationId} initial={props.initialHistory} version={version} />
    </>
  );
}
