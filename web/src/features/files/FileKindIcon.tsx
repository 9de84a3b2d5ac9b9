import clsx from "clsx";
import type { ComponentType, SVGProps } from "react";
import type { FileKind } from "../../api/types";
import {
  ArchiveIcon,
  CodeIcon,
  DocumentIcon,
  FileIcon,
  ImageIcon,
  PdfIcon,
  SpreadsheetIcon,
} from "../../components/ui/icons";

const ICONS: Record<FileKind, ComponentType<SVGProps<SVGSVGElement>>> = {
  image: ImageIcon,
  pdf: PdfIcon,
  document: DocumentIcon,
  spreadsheet: SpreadsheetIcon,
  text: DocumentIcon,
  code: CodeIcon,
  "archive-refused": ArchiveIcon,
  other: FileIcon,
};

// One hue per family, as file managers do, readable on both themes' surfaces.
const TONES: Record<FileKind, string> = {
  image: "bg-[#f6ead2] text-[#8a5a12] dark:bg-[#4a3a1f] dark:text-[#f0c978]",
  pdf: "bg-[#fbe3df] text-[#b42318] dark:bg-[#4d2420] dark:text-[#ff9d92]",
  document: "bg-[#e0ebfb] text-[#2457a6] dark:bg-[#1f3450] dark:text-[#9cc3ff]",
  spreadsheet: "bg-[#dff1e3] text-[#1f7a3a] dark:bg-[#1d3d27] dark:text-[#8fdba6]",
  text: "bg-line/70 text-ink-soft dark:bg-line",
  code: "bg-[#ebe4f7] text-[#5b3a9e] dark:bg-[#352a4d] dark:text-[#c8b2ff]",
  "archive-refused": "bg-line/70 text-ink-soft dark:bg-line",
  other: "bg-line/70 text-ink-soft dark:bg-line",
};

/** A rounded tile with the file type's icon, tinted by family. */
export function FileKindIcon({
  kind,
  className,
  iconClassName = "size-5",
}: {
  kind: FileKind;
  className?: string;
  iconClassName?: string;
}) {
  const Icon = ICONS[kind];
  return (
    <span
      aria-hidden="true"
      className={clsx(
        "flex shrink-0 items-center justify-center rounded-lg",
        TONES[kind],
        className ?? "size-10",
      )}
    >
      <Icon className={iconClassName} />
    </span>
  );
}
