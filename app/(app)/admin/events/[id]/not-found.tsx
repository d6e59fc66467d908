import Link from "next/link";
import { SearchX } from "lucide-react";
import { buttonClass } from "@/components/ui/button";

export default function EventNotFound() {
  return (
    <section aria-labelledby="event-not-found" className="mx-auto max-w-md py-12 text-center">
      <SearchX aria-hidden className="mx-auto size-10 text-zinc-400" />
      <h1 id="event-not-found" className="mt-4 text-2xl font-semibold">
        No such event
      </h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        There is no event with this id. Event pages use the console&apos;s own id; find the platform&apos;s id in the
        activity log.
      </p>
      <Link href="/admin/activity" className={buttonClass("secondary", "mt-6")}>
        Go to the activity log
      </Link>
    </section>
  );
}
