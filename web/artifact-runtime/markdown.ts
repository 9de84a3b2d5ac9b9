// The Markdown chunk: marked with GitHub-flavoured Markdown. The frame sanitises what it returns.
import { Marked } from "marked";
import { registerChunk } from "./chunks";

const marked = new Marked({ gfm: true, breaks: false, async: false });

function markdownToHtml(source: string): string {
  return marked.parse(source, { async: false });
}

registerChunk("markdown", { markdownToHtml });
