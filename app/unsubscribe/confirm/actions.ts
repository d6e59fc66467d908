"use server";
import { redirect } from "next/navigation";
import { resubscribe, unsubscribe } from "@/lib/email/unsubscribe";

// The confirmation page's buttons. The token is the only credential, as in the email's link.
export async function unsubscribeAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  await unsubscribe(token);
  redirect(`/unsubscribe/confirm?token=${encodeURIComponent(token)}&done=unsubscribed`);
}

export async function resubscribeAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  await resubscribe(token);
  redirect(`/unsubscribe/confirm?token=${encodeURIComponent(token)}&done=resubscribed`);
}
