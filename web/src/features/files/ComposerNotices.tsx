import clsx from "clsx";
import { AlertIcon, EyeIcon } from "../../components/ui/icons";
import type { ComposerNotice } from "./notices";

/** Said inside the composer, above the files, before anything is sent. */
export function ComposerNotices({ notices }: { notices: ComposerNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="space-y-1 px-2 pt-2" data-testid="composer-notices">
      {notices.map((notice) => (
        <p
          key={notice.id}
          role={notice.tone === "warn" ? "alert" : "status"}
          data-notice={notice.id}
          className={clsx(
            "flex items-start gap-2 rounded-xl px-3 py-2 text-[0.8125rem] leading-snug",
            notice.tone === "warn" ? "bg-warn-soft text-ink" : "bg-sidebar text-ink-soft",
          )}
        >
          {notice.tone === "warn" ? (
            <AlertIcon className="mt-px size-4 shrink-0 text-[#9a6700] dark:text-[#e3b341]" />
          ) : (
            <EyeIcon className="mt-px size-4 shrink-0 text-muted" />
          )}
          <span>{notice.text}</span>
        </p>
      ))}
    </div>
  );
}
