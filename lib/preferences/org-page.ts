// What the admin pages need from the organization tree, with errors mapped to Next's 403/404 pages.
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeOrganization } from "./org-tree";

/** Renders the 403 page for a visible organization the user may not manage, the 404 page otherwise. */
export async function requireManagedOrganization(user: CurrentUser, organizationId: string) {
  try {
    return await authorizeOrganization(user, organizationId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
