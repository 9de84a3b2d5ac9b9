import type { Message } from "../../api/types";
import { useDisplayLocale } from "../../lib/locale";

type Usage = Pick<
  Message,
  "input_tokens" | "output_tokens" | "cache_read_tokens" | "cache_write_tokens" | "cost_usd"
>;

function formatCost(usd: number, locale: string | undefined): string {
  if (usd > 0 && usd < 0.0001) return "< $0.0001";
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    maximumSignificantDigits: usd >= 1 ? 4 : 2,
  }).format(usd);
}

/** What an answer cost: a short line, and every count on hover. Null when nothing was reported. */
export function describeUsage(
  usage: Usage,
  locale?: string,
): { short: string; full: string } | null {
  if (usage.input_tokens == null || usage.output_tokens == null) return null;
  const number = new Intl.NumberFormat(locale);
  const compact = new Intl.NumberFormat(locale, { notation: "compact" });
  const total = usage.input_tokens + usage.output_tokens;
  const cost = usage.cost_usd == null ? null : formatCost(usage.cost_usd, locale);
  const short = [`${compact.format(total)} tokens`, cost].filter(Boolean).join(" · ");
  const lines = [
    `${number.format(usage.input_tokens)} input tokens`,
    usage.cache_read_tokens
      ? `  of them ${number.format(usage.cache_read_tokens)} from the cache`
      : "",
    usage.cache_write_tokens
      ? `  of them ${number.format(usage.cache_write_tokens)} written to the cache`
      : "",
    `${number.format(usage.output_tokens)} output tokens`,
    cost ? `Cost: ${cost}` : "Cost: unknown (no prices for this model)",
  ];
  return { short, full: lines.filter(Boolean).join("\n") };
}

export function UsageNote({ message }: { message: Usage }) {
  const locale = useDisplayLocale();
  const usage = describeUsage(message, locale);
  if (!usage) return null;
  return (
    <span className="ml-1 text-xs tabular-nums text-muted" title={usage.full}>
      {usage.short}
    </span>
  );
}
