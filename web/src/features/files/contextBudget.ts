import type { Message, Part } from "../../api/types";
import { estimateTokens } from "../../lib/format";

export interface ContextBudget {
  /** The conversation's messages so far (text, code runs), without their files. */
  conversation: number;
  /** Files already in the conversation's messages. */
  sentFiles: number;
  /** Files waiting in the composer. */
  pendingFiles: number;
  /** The text being typed. */
  draft: number;
  total: number;
  /** The model's context window, when known. */
  limit: number | null;
}

function partTokens(part: Part): { text: number; files: number } {
  switch (part.type) {
    case "text":
      return { text: estimateTokens(part.text), files: 0 };
    case "attachment":
      return { text: 0, files: part.token_estimate };
    case "tool_call":
      return { text: estimateTokens(JSON.stringify(part.input)), files: 0 };
    case "tool_result":
      return { text: estimateTokens(part.content), files: 0 };
    case "thinking":
    case "artifact_ref":
    case "sources":
      // Earlier thinking and cited sources are not sent again; an artifact reference is a few
      // words.
      return { text: 0, files: 0 };
    default: {
      const unknown: never = part;
      throw new Error(`unhandled part ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * What the next turn will cost the model's context, roughly: the branch on screen, the files
 * attached to it and waiting in the composer (the server's token_estimate), and the draft.
 */
export function contextBudget({
  branch,
  draft,
  pendingTokens,
  limit,
}: {
  branch: Message[];
  draft: string;
  pendingTokens: number[];
  limit: number | null;
}): ContextBudget {
  let conversation = 0;
  let sentFiles = 0;
  for (const message of branch) {
    for (const part of message.parts) {
      const cost = partTokens(part);
      conversation += cost.text;
      sentFiles += cost.files;
    }
  }
  const pendingFiles = pendingTokens.reduce((sum, n) => sum + n, 0);
  const draftTokens = estimateTokens(draft);
  return {
    conversation,
    sentFiles,
    pendingFiles,
    draft: draftTokens,
    total: conversation + sentFiles + pendingFiles + draftTokens,
    limit,
  };
}

/** Share of the context window used, 0 when the window is unknown. */
export function budgetShare(budget: ContextBudget): number {
  return budget.limit ? budget.total / budget.limit : 0;
}
