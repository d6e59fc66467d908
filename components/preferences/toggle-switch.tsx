"use client";

import { Switch } from "radix-ui";
import { clsx } from "clsx";

/** A labelled on/off switch; `label` is its accessible name, `describedBy` the id of its source text. */
export function ToggleSwitch(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  describedBy?: string;
  disabled?: boolean;
  size?: "sm" | "md";
}) {
  const small = props.size === "sm";
  return (
    <Switch.Root
      checked={props.checked}
      onCheckedChange={props.onChange}
      disabled={props.disabled}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      className={clsx(
        "relative inline-flex shrink-0 items-center rounded-full transition-colors",
        "bg-zinc-300 data-[state=checked]:bg-brand-600 dark:bg-zinc-700 dark:data-[state=checked]:bg-brand-500",
        "disabled:cursor-not-allowed disabled:opacity-50",
        small ? "h-5 w-9" : "h-6 w-11",
      )}
    >
      <Switch.Thumb
        className={clsx(
          "block rounded-full bg-white shadow transition-transform",
          small
            ? "size-4 translate-x-0.5 data-[state=checked]:translate-x-[18px]"
            : "size-5 translate-x-0.5 data-[state=checked]:translate-x-[22px]",
        )}
      />
    </Switch.Root>
  );
}
