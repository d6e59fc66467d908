// Renders one email: subject, HTML and plain-text part from the type's template.
import { createElement, type ComponentType } from "react";
import { render } from "react-email";
import type { NotificationData, NotificationType } from "@/lib/notifications/catalog";
import { subjectFor } from "./copy";
import { emailTemplates } from "./templates";
import type { EmailContext, EmailProps } from "./types";

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
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: subjectFor(type, data), html, text };
}
