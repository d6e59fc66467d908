import Link from "next/link";
import { ShieldX } from "lucide-react";
import { buttonClass } from "@/components/ui/button";

// Rendered with status 403 when a page under /admin calls forbidden().
export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-heading" className="mx-auto max-w-md py-12 text-center">
      <ShieldX aria-hidden className="mx-auto size-10 text-zinc-400" />
      <h1 id="forbidden-heading" className="mt-4 text-2xl font-semibold">
        You don&apos;t have access
      </h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page is for administrators with the right role. If you think you should see it, ask your
        organization&apos;s admin or the marketplace team.
      </p>
      <Link href="/inbox" className={buttonClass("secondary", "mt-6")}>
        Back to your inbox
      </Link>
    </section>
  );
}
