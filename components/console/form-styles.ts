// Form control styling shared by the console's filters and editors.
export const labelClass = "block text-sm font-medium";
export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950";
export const hintClass = "mt-1 text-xs text-muted";
