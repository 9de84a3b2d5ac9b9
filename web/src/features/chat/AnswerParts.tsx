import clsx from "clsx";
import { type ReactNode, useMemo } from "react";
import type { AttachmentPart, MessageStatus, Part, ToolResultPart } from "../../api/types";
import { type Citations, Markdown } from "../../lib/markdown/Markdown";
import { ArtifactCard } from "../artifacts/ArtifactCard";
import { MessageAttachments } from "../files/MessageAttachments";
import { ToolCallCard } from "../tools/ToolCallCard";
import { CitationChip } from "./CitationChip";
import type { ToolRun } from "./runReducer";
import { SourceList } from "./SourceList";
import { ThinkingBlock } from "./ThinkingBlock";
import { useOpenSource } from "./useOpenSource";

/** The answer's text, with the artifact cards where the model made them. */
export function answerText(parts: Part[]): string {
  const segments: string[] = [];
  let current = "";
  for (const part of parts) {
    if (part.type === "text") current += part.text;
    else if ((part.type === "artifact_ref" || part.type === "tool_call") && current) {
      segments.push(current);
      current = "";
    }
  }
  if (current) segments.push(current);
  return segments.join("\n\n");
}

/** True once anything the reader can see (text or a card) has arrived. */
export function hasVisibleContent(parts: Part[]): boolean {
  return parts.some(
    (p) =>
      p.type === "artifact_ref" ||
      p.type === "tool_call" ||
      p.type === "tool_result" ||
      p.type === "attachment" ||
      (p.type === "text" && p.text.length > 0),
  );
}

/** The tool calls' state that lives outside the parts, and what the cards need to act. */
export interface ToolContext {
  runId: string | null;
  /** True while the answer is still being written. */
  active: boolean;
  endStatus: MessageStatus;
  tools: Record<string, ToolRun>;
}

export function AnswerParts({
  parts,
  live,
  conversationId,
  toolContext = {
    runId: null,
    active: live,
    endStatus: live ? "streaming" : "complete",
    tools: {},
  },
}: {
  parts: Part[];
  live: boolean;
  conversationId: string;
  toolContext?: ToolContext;
}) {
  const opener = useOpenSource();
  // Sources arrive once, when the answer ends: the chips' object changes only then.
  const citedSources = useMemo(
    () => parts.flatMap((p) => (p.type === "sources" ? p.sources : [])),
    [parts],
  );
  const sourceKey = citedSources.map((s) => `${s.n}:${s.chunk_id}`).join(",");
  const { open } = opener;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sources' identity is their key; parts change per token.
  const citations = useMemo((): Citations | undefined => {
    if (citedSources.length === 0) return undefined;
    const byNumber = new Map(citedSources.map((s) => [s.n, s]));
    return {
      numbers: new Set(byNumber.keys()),
      render: (n) => {
        const source = byNumber.get(n);
        return source ? <CitationChip source={source} onOpen={open} /> : `[${n}]`;
      },
    };
  }, [sourceKey, open]);
  const results = new Map<string, ToolResultPart>();
  for (const part of parts) {
    if (part.type === "tool_result") results.set(part.tool_call_id, part);
  }
  const thinking: ReactNode[] = [];
  const body: ReactNode[] = [];
  let text = "";
  let textStart = 0;
  let files: AttachmentPart[] = [];
  const flushFiles = (index: number) => {
    if (files.length === 0) return;
    body.push(
      <div key={`files-${index}`} className="not-prose my-3 font-sans">
        <MessageAttachments parts={files} align="start" />
      </div>,
    );
    files = [];
  };
  const flush = (index: number) => {
    flushFiles(index);
    if (text) body.push(<Markdown key={String(textStart)} text={text} citations={citations} />);
    text = "";
    textStart = index + 1;
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    // Parts are append-only, so a part's index is its identity.
    const key = String(i);
    switch (part.type) {
      case "thinking":
        thinking.push(
          <ThinkingBlock key={key} text={part.text} live={live && i === parts.length - 1} />,
        );
        break;
      case "text":
        flushFiles(i);
        if (!text) textStart = i;
        text += part.text;
        break;
      case "artifact_ref":
        flush(i);
        body.push(
          <ArtifactCard key={key} part={part} conversationId={conversationId} live={live} />,
        );
        break;
      case "tool_call":
        flush(i);
        body.push(
          <ToolCallCard
            key={key}
            call={part}
            result={results.get(part.tool_call_id) ?? null}
            run={toolContext.tools[part.tool_call_id]}
            runId={toolContext.runId}
            conversationId={conversationId}
            active={toolContext.active}
            endStatus={toolContext.endStatus}
          />,
        );
        break;
      case "tool_result":
        // Shown in its call's card.
        break;
      case "attachment":
        // Consecutive files share one row, placed where they came in the answer.
        if (text) flush(i - 1);
        files.push(part);
        break;
      case "sources":
        // Listed under the answer, and read by the text's citations.
        break;
      default: {
        const unknown: never = part;
        throw new Error(`unhandled part ${JSON.stringify(unknown)}`);
      }
    }
  }
  flush(parts.length);
  return (
    <>
      {thinking}
      {body.length > 0 && (
        <div className={clsx("prose-parley", live && "is-streaming")} data-testid="assistant-text">
          {body}
        </div>
      )}
      {citedSources.length > 0 && (
        <SourceList sources={citedSources} onOpen={open} problem={opener.problem} />
      )}
    </>
  );
}
