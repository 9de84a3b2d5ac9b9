import { CheckIcon, ChevronLeftIcon, ChevronRightIcon, CopyIcon } from "../../components/ui/icons";
import { formatFullTime, formatMessageTime } from "../../lib/dates";
import { useDisplayLocale } from "../../lib/locale";
import { useCopy } from "../../lib/useCopy";

export interface SiblingInfo {
  index: number;
  ids: string[];
}

export function SiblingSwitcher({
  messageId,
  siblings,
  onPick,
}: {
  messageId: string;
  siblings: SiblingInfo | undefined;
  onPick: ((messageId: string, siblingId: string) => void) | undefined;
}) {
  if (!siblings || siblings.ids.length < 2 || !onPick) return null;
  const { index, ids } = siblings;
  const go = (to: number) => {
    const target = ids[to];
    if (target) onPick(messageId, target);
  };
  return (
    <span className="inline-flex items-center text-xs tabular-nums text-muted">
      <button
        type="button"
        aria-label="Previous version"
        disabled={index === 0}
        onClick={() => go(index - 1)}
        className="flex size-7 items-center justify-center rounded-md hover:bg-line/60 hover:text-ink disabled:opacity-40"
      >
        <ChevronLeftIcon className="size-4" />
      </button>
      <span aria-hidden="true">
        {index + 1} / {ids.length}
      </span>
      <span className="sr-only">
        Version {index + 1} of {ids.length}
      </span>
      <button
        type="button"
        aria-label="Next version"
        disabled={index === ids.length - 1}
        onClick={() => go(index + 1)}
        className="flex size-7 items-center justify-center rounded-md hover:bg-line/60 hover:text-ink disabled:opacity-40"
      >
        <ChevronRightIcon className="size-4" />
      </button>
    </span>
  );
}

export function CopyButton({ text }: { text: string }) {
  const { copied, copy, label } = useCopy(text);
  return (
    <button
      type="button"
      aria-label={label("Copy message")}
      title={label("Copy message")}
      onClick={copy}
      className="flex size-8 items-center justify-center rounded-lg text-muted hover:bg-line/60 hover:text-ink"
    >
      {copied ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
    </button>
  );
}

export function Timestamp({ iso }: { iso: string }) {
  const locale = useDisplayLocale();
  return (
    <time dateTime={iso} title={formatFullTime(iso, locale)} className="text-xs text-muted">
      {formatMessageTime(iso, new Date(), locale)}
    </time>
  );
}
