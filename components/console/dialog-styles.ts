// Radix Dialog / AlertDialog styling shared by the console's dialogs.
export const overlayClass = "fixed inset-0 z-40 bg-zinc-950/50";
export const contentClass =
  "fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white p-5 shadow-xl dark:border-zinc-800 dark:bg-zinc-900";
export const titleClass = "text-lg font-semibold";
export const descriptionClass = "mt-1 text-sm text-zinc-600 dark:text-zinc-400";
