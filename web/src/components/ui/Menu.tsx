import clsx from "clsx";
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";

export interface MenuItem {
  label: string;
  icon?: ReactNode;
  onSelect: () => void;
  danger?: boolean;
  checked?: boolean;
  description?: ReactNode;
}

export interface MenuSection {
  heading?: string;
  items: MenuItem[];
}

interface MenuProps {
  label: string;
  /** Set to false when the trigger's visible text already names it (it then includes `label`). */
  labelTrigger?: boolean;
  trigger: ReactNode;
  sections: MenuSection[];
  triggerClassName?: string;
  placement?: "below-end" | "above-start" | "below-start";
  menuClassName?: string;
}

/** A button that opens a keyboard-navigable menu (arrows, Home/End, Escape returns focus). */
export function Menu({
  label,
  labelTrigger = true,
  trigger,
  sections,
  triggerClassName,
  placement = "below-end",
  menuClassName,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    (
      menu?.querySelector<HTMLElement>("[aria-checked=true]") ??
      menu?.querySelector<HTMLElement>("[role^=menuitem]")
    )?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open, close]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(
      menuRef.current?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? [],
    );
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") focusAt(index + 1);
    else if (event.key === "ArrowUp") focusAt(index - 1);
    else if (event.key === "Home") focusAt(0);
    else if (event.key === "End") focusAt(items.length - 1);
    else if (event.key === "Escape") close(true);
    else if (event.key === "Tab") close(false);
    else return;
    if (event.key !== "Tab") event.preventDefault();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={labelTrigger ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onKeyDown}
          className={clsx(
            "absolute z-50 min-w-48 animate-fade-in rounded-xl border border-line bg-raised p-1.5 text-sm text-ink shadow-xl",
            placement === "below-end" && "right-0 top-full mt-1",
            placement === "below-start" && "left-0 top-full mt-1",
            placement === "above-start" && "bottom-full left-0 mb-2",
            menuClassName,
          )}
        >
          {sections.map((section, s) => (
            // biome-ignore lint/a11y/useSemanticElements: a menu group is not a fieldset.
            <div
              key={section.heading ?? s}
              role="group"
              aria-label={section.heading}
              className={clsx(s > 0 && "mt-1 border-t border-line pt-1")}
            >
              {section.heading && (
                <div className="px-2.5 pb-1 pt-1.5 text-xs font-medium text-muted">
                  {section.heading}
                </div>
              )}
              {section.items.map((item) => (
                // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is menuitemradio whenever aria-checked is set.
                <button
                  key={item.label}
                  type="button"
                  role={item.checked === undefined ? "menuitem" : "menuitemradio"}
                  aria-checked={item.checked}
                  tabIndex={-1}
                  onClick={() => {
                    close(true);
                    item.onSelect();
                  }}
                  className={clsx(
                    "flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-left outline-none hover:bg-sidebar focus:bg-sidebar focus:outline-none",
                    item.danger ? "text-danger" : "text-ink",
                  )}
                >
                  {item.icon && <span className="size-4 shrink-0 text-ink-soft">{item.icon}</span>}
                  <span className="min-w-0 flex-1">
                    <span className="block">{item.label}</span>
                    {item.description && (
                      <span className="mt-0.5 block text-xs text-muted">{item.description}</span>
                    )}
                  </span>
                  {item.checked && (
                    <span className="text-accent" aria-hidden="true">
                      ✓
                    </span>
                  )}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
