// Renders one email: subject, HTML and plain-text part from the type's template.
import { createElement, type ComponentType } from "react";
import { render, toPlainText } from "react-email";
import type { NotificationData, NotificationType } from "@/lib/notifications/catalog";
import { subjectFor } from "./copy";
import { emailTemplates } from "./templates";
import Digest, { digestSubject } from "@/emails/digest";
import type { DigestProps, EmailContext, EmailProps } from "./types";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<T extends NotificationType>(
  type: T,
  data: NotificationData<T>,
  context: EmailContext,
): Promise<RenderedEmail> {
  const Template = emailTemplates[type] as unknown as ComponentType<EmailProps<T>>;
  const element = createElement(Template, { data, context });
  const html = await render(element);
  // The text part from the same HTML: what render(element, { plainText: true }) returns, without
  // rendering the React tree a second time (a third of the time per email).
  return { subject: subjectFor(type, data), html, text: toPlainText(html) };
}

/** Renders a digest (emails/digest.tsx): subject, HTML and plain text. */
export async function renderDigest(props: DigestProps): Promise<RenderedEmail> {
  const html = await render(createElement(Digest, props));
  return { subject: digestSubject(props), html, text: toPlainText(html) };
}
