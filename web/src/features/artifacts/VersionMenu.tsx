import { useMemo } from "react";
import type { ArtifactVersion, Message } from "../../api/types";
import { ChevronDownIcon, SpinnerIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { formatMessageTime } from "../../lib/dates";
import { textOf } from "../chat/branch";
import { useMessages } from "../chat/hooks";
import type { DisplayedArtifact } from "./displayed";
import { useArtifactPanel } from "./store";

function clip(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Where a version came from: the request that led to the answer, or a manual edit. */
export function versionSource(version: ArtifactVersion, messages: Message[]): string {
  if (version.operation === "edit" || !version.message_id) return "Edited by you";
  const answer = messages.find((m) => m.id === version.message_id);
  const prompt = answer?.parent_id ? messages.find((m) => m.id === answer.parent_id) : undefined;
  const text = prompt ? textOf(prompt) : "";
  return text ? `“${clip(text)}”` : "From an answer";
}

export function VersionMenu({
  conversationId,
  artifact,
  versions,
}: {
  conversationId: string;
  artifact: DisplayedArtifact;
  versions: ArtifactVersion[];
}) {
  const setVersion = useArtifactPanel((s) => s.setVersion);
  const messages = useMessages(conversationId).data?.messages;
  const latest = artifact.latestVersion;
  const sections = useMemo(
    () => [
      {
        heading: "Versions",
        items: [...versions].reverse().map((v) => ({
          label: `Version ${v.version}`,
          checked: v.version === artifact.version,
          description: (
            <>
              <span className="block truncate">{versionSource(v, messages ?? [])}</span>
              <span className="block">{formatMessageTime(v.created_at)}</span>
            </>
          ),
          onSelect: () => setVersion(v.version === latest ? null : v.version),
        })),
      },
    ],
    [versions, messages, artifact.version, latest, setVersion],
  );

  const label = artifact.streaming
    ? artifact.operation === "create"
      ? "Creating…"
      : `Writing v${(latest ?? 0) + 1}…`
    : artifact.version !== null
      ? `v${artifact.version}`
      : "";
  const pinnedOld = latest !== null && artifact.version !== latest;
  if (versions.length === 0 || artifact.streaming) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted tabular-nums">
        {artifact.streaming && <SpinnerIcon className="size-3 animate-spin text-accent" />}
        {label}
      </span>
    );
  }
  return (
    <Menu
      // The name starts with the visible text ("v2", "latest v3"), as speech input expects.
      label={`${label}${pinnedOld ? ` latest v${latest}` : ""}. Choose a version`}
      placement="below-start"
      menuClassName="w-72 max-h-80 overflow-y-auto"
      triggerClassName="-ml-1 inline-flex h-6 items-center gap-0.5 rounded-md px-1 text-xs text-muted tabular-nums hover:bg-line/60 hover:text-ink"
      trigger={
        <>
          {label}
          {pinnedOld && (
            <span className="ml-1 rounded bg-warn-soft px-1 text-[0.7rem] text-ink-soft">
              latest v{latest}
            </span>
          )}
          <ChevronDownIcon className="size-3.5" />
        </>
      }
      sections={sections}
    />
  );
}
