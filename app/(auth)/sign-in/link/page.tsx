import type { Metadata } from "next";
import { SignInWithLink } from "@/components/auth/sign-in-with-link";

export const metadata: Metadata = { title: "Signing in" };

// The page a platform sign-in link opens. The token is consumed by script, not on GET, so that
// link scanners in mail clients cannot use it up.
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return <SignInWithLink token={token ?? ""} />;
}
