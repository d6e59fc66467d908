// Which React Email template renders which type. Typed against the catalog: a type without a
// template is a compile error.
import type { ComponentType } from "react";
import CatalogChanged from "@/emails/catalog-changed";
import OfferAvailable from "@/emails/offer-available";
import OrderNoteAdded from "@/emails/order-note-added";
import OrderPendingApproval from "@/emails/order-pending-approval";
import OrderProvisioningDetails from "@/emails/order-provisioning-details";
import OrderProvisioningNotice from "@/emails/order-provisioning-notice";
import OrderStatusChanged from "@/emails/order-status-changed";
import OrganizationApprovalPending from "@/emails/organization-approval-pending";
import OrganizationCreatedDuringSync from "@/emails/organization-created-during-sync";
import OrganizationSignedUp from "@/emails/organization-signed-up";
import OrganizationStatusChanged from "@/emails/organization-status-changed";
import OrganizationTenantCreated from "@/emails/organization-tenant-created";
import PaymentAutopayEnabled from "@/emails/payment-autopay-enabled";
import PaymentCurrencyReset from "@/emails/payment-currency-reset";
import ProposalSubmitted from "@/emails/proposal-submitted";
import QuoteAccepted from "@/emails/quote-accepted";
import QuoteCanceled from "@/emails/quote-canceled";
import QuoteChangeRequested from "@/emails/quote-change-requested";
import QuoteRejected from "@/emails/quote-rejected";
import QuoteSent from "@/emails/quote-sent";
import ScheduledOrderCancelled from "@/emails/scheduled-order-cancelled";
import ScheduledOrderCreated from "@/emails/scheduled-order-created";
import SubscriptionChangeFailed from "@/emails/subscription-change-failed";
import SubscriptionChanged from "@/emails/subscription-changed";
import SubscriptionOrderCanceled from "@/emails/subscription-order-canceled";
import SubscriptionOrderPlaced from "@/emails/subscription-order-placed";
import SubscriptionPartialUpgrade from "@/emails/subscription-partial-upgrade";
import SubscriptionProvisioned from "@/emails/subscription-provisioned";
import SubscriptionRenewalFailed from "@/emails/subscription-renewal-failed";
import SubscriptionRenewalUpcoming from "@/emails/subscription-renewal-upcoming";
import SubscriptionRenewed from "@/emails/subscription-renewed";
import type { NotificationType } from "@/lib/notifications/catalog";
import type { EmailProps } from "./types";

type EmailTemplate<T extends NotificationType> = ComponentType<EmailProps<T>>;

export const emailTemplates = {
  "order.note_added": OrderNoteAdded,
  "order.pending_approval": OrderPendingApproval,
  "order.status_changed": OrderStatusChanged,
  "order.provisioning_notice": OrderProvisioningNotice,
  "order.provisioning_details": OrderProvisioningDetails,
  "catalog.changed": CatalogChanged,
  "offer.available": OfferAvailable,
  "scheduled_order.created": ScheduledOrderCreated,
  "scheduled_order.cancelled": ScheduledOrderCancelled,
  "proposal.submitted": ProposalSubmitted,
  "quote.sent": QuoteSent,
  "quote.accepted": QuoteAccepted,
  "quote.rejected": QuoteRejected,
  "quote.canceled": QuoteCanceled,
  "quote.change_requested": QuoteChangeRequested,
  "subscription.provisioned": SubscriptionProvisioned,
  "subscription.order_placed": SubscriptionOrderPlaced,
  "subscription.order_canceled": SubscriptionOrderCanceled,
  "subscription.renewal_upcoming": SubscriptionRenewalUpcoming,
  "subscription.renewed": SubscriptionRenewed,
  "subscription.renewal_failed": SubscriptionRenewalFailed,
  "subscription.changed": SubscriptionChanged,
  "subscription.partial_upgrade": SubscriptionPartialUpgrade,
  "subscription.change_failed": SubscriptionChangeFailed,
  "organization.created_during_sync": OrganizationCreatedDuringSync,
  "organization.signed_up": OrganizationSignedUp,
  "organization.tenant_created": OrganizationTenantCreated,
  "organization.status_changed": OrganizationStatusChanged,
  "organization.approval_pending": OrganizationApprovalPending,
  "payment.autopay_enabled": PaymentAutopayEnabled,
  "payment.currency_reset": PaymentCurrencyReset,
} satisfies { [T in NotificationType]: EmailTemplate<T> };
