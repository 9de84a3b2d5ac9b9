import { create } from "zustand";

interface AnnouncerState {
  message: string;
  nonce: number;
}

export const useAnnouncer = create<AnnouncerState>(() => ({ message: "", nonce: 0 }));

export function announce(message: string) {
  const text = message.trim();
  if (!text) return;
  useAnnouncer.setState((s) => ({ message: text, nonce: s.nonce + 1 }));
}

const SENTENCE_END = /[.!?。！？](?=\s|$)|\n\n/g;

/**
 * Turns a growing answer into whole sentences for a polite live region, so a screen reader hears
 * the reply as it forms rather than a stutter of tokens.
 */
export class SentenceAnnouncer {
  private spoken = 0;
  private lastAt = 0;

  constructor(
    private readonly say: (text: string) => void = announce,
    private readonly minIntervalMs = 2000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  update(fullText: string) {
    if (this.now() - this.lastAt < this.minIntervalMs) return;
    const pending = fullText.slice(this.spoken);
    let end = -1;
    for (const match of pending.matchAll(SENTENCE_END)) end = match.index + match[0].length;
    if (end <= 0) return;
    this.say(pending.slice(0, end));
    this.spoken += end;
    this.lastAt = this.now();
  }

  finish(fullText: string, suffix: string) {
    const rest = fullText.slice(this.spoken).trim();
    this.spoken = fullText.length;
    this.say([rest, suffix].filter(Boolean).join(" "));
  }
}
