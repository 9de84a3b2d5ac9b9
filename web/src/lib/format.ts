import { numberFormatter } from "./locale";

/** A rough token count for the composer: about four characters per token for English text. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

const COMPACT = { notation: "compact", maximumFractionDigits: 1 } as const;

export function formatCount(n: number): string {
  return numberFormatter().format(n);
}

export function formatContextWindow(tokens: number): string {
  return `${numberFormatter(COMPACT).format(tokens)} context`;
}

function formatPrice(price: number): string {
  return `$${price < 1 ? price.toFixed(2).replace(/0$/, "") : Number(price.toFixed(2)).toString()}`;
}

export function formatPrices(model: {
  provider: string;
  input_price: number | null;
  output_price: number | null;
}): string {
  const { input_price: input, output_price: output } = model;
  if (input === null || output === null) {
    return model.provider === "local" ? "Runs on this server, free" : "Price not listed";
  }
  if (input === 0 && output === 0) return "Free";
  return `${formatPrice(input)} in · ${formatPrice(output)} out per M tokens`;
}

/** "512 B", "21.8 KB", "3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}
