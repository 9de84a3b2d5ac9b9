import clsx from "clsx";
import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const styles: Record<Variant, string> = {
  primary: "bg-accent-strong text-on-accent hover:bg-[#9c4526] disabled:opacity-50",
  secondary: "border border-line-strong bg-surface text-ink hover:bg-sidebar disabled:opacity-50",
  ghost: "text-ink-soft hover:bg-line/60 hover:text-ink disabled:opacity-50",
  danger: "bg-[#b42318] text-white hover:bg-[#912018] disabled:opacity-50",
};

export function Button({
  variant = "secondary",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={clsx(
        "inline-flex items-center justify-center gap-2 rounded-lg px-3.5 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed",
        styles[variant],
        className,
      )}
      {...props}
    />
  );
}

export function IconButton({
  label,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={clsx(
        "inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-ink-soft transition-colors hover:bg-line/70 hover:text-ink disabled:opacity-40",
        className,
      )}
      {...props}
    />
  );
}
