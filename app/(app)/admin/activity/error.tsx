"use client";

import { ConsoleError } from "@/components/console/console-error";

export default function Error({ reset }: { error: Error; reset: () => void }) {
  return <ConsoleError what="The activity log" reset={reset} />;
}
