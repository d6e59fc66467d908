import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { peekSignInLink } from "@/lib/auth/sign-in-links";
import { SignInWithLink } from "@/components/auth/sign-in-with-link";

export const metadata: Metadata = { title: "Signing in" };

// The page a platform sign-in link opens. The token is consumed by script, not on GET, so that
// link scanners in mail clients cannot use it up. Someone already signed in as another user is
// asked first: a link sent by someone else must not silently swap their session (login CSRF).
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const current = await getCurrentUser();
  if (current) {
    const target = await peekSignInLink(token);
    if (target?.id === current.id) redirect("/inbox");
    if (target)
      return (
        <SignInWithLink
          token={token}
          confirm={{
            currentName: current.name,
            currentEmail: current.email,
            targetName: target.name,
            targetEmail: target.email,
          }}
        />
      );
  }
  return <SignInWithLink token={token} />;
}
