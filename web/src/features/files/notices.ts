import type { FileKind, Model } from "../../api/types";
import { formatCount } from "../../lib/format";
import { budgetShare, type ContextBudget } from "./contextBudget";

export interface ComposerNotice {
  id: "vision" | "pdf" | "context";
  /** warn: the person should act before sending; info: worth knowing, nothing is lost. */
  tone: "warn" | "info";
  text: string;
}

interface Attached {
  name: string;
  kind: FileKind;
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/**
 * What the person should know before sending these files to this model: images a model without
 * vision never sees, PDFs it reads only as text, and a context window the turn would overflow.
 */
export function composerNotices(
  model: Pick<Model, "name" | "vision" | "pdf" | "context_window"> | null,
  attached: Attached[],
  budget: ContextBudget | null,
): ComposerNotice[] {
  if (!model) return [];
  const notices: ComposerNotice[] = [];
  const images = attached.filter((a) => a.kind === "image");
  if (!model.vision && images.length > 0) {
    const what =
      images.length === 1
        ? `the name of “${(images[0] as Attached).name}”`
        : `the names of the ${images.length} images`;
    notices.push({
      id: "vision",
      tone: "warn",
      text: `${model.name} can't see images: it will get only ${what}. Choose a model with vision to have them read.`,
    });
  }
  if (!model.pdf && attached.some((a) => a.kind === "pdf")) {
    notices.push({
      id: "pdf",
      tone: "info",
      text: `${model.name} reads PDFs as their extracted text, without the pages' pictures.`,
    });
  }
  if (budget && budgetShare(budget) > 1) {
    notices.push({
      id: "context",
      tone: "warn",
      text: `This message would take about ${formatCount(budget.total)} tokens, more than ${model.name}'s ${compact.format(model.context_window)}-token context. Remove some files or start a new chat.`,
    });
  }
  return notices;
}
