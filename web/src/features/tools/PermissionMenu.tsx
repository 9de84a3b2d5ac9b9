import { ChevronDownIcon, DotsIcon, PlayIcon, ShieldIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { usePermissionMode } from "./hooks";

/**
 * The conversation's options in the chat header: whether the model's code waits for approval. While
 * code runs without asking the trigger says so, so "Always allow" is never silently in force.
 */
export function PermissionMenu({ conversationId }: { conversationId: string }) {
  const { mode, loaded, change } = usePermissionMode(conversationId);
  if (!loaded) return null;
  const allow = mode === "allow";
  return (
    <Menu
      label="Conversation options"
      labelTrigger={!allow}
      placement="below-end"
      menuClassName="w-80"
      triggerClassName={
        allow
          ? "inline-flex h-8 items-center gap-1.5 rounded-full border border-accent/40 bg-accent-soft px-2.5 text-xs font-medium text-[#8a3a1c] transition-colors hover:border-accent dark:text-[#e8957a]"
          : "inline-flex size-9 items-center justify-center rounded-lg text-ink-soft transition-colors hover:bg-line/70 hover:text-ink"
      }
      trigger={
        allow ? (
          <>
            <PlayIcon className="size-3.5" />
            <span className="hidden sm:inline">Runs code without asking</span>
            <span className="sm:hidden">Auto-run</span>
            <ChevronDownIcon className="size-3.5" />
          </>
        ) : (
          <DotsIcon className="size-5" />
        )
      }
      sections={[
        {
          heading: "When the model wants to run code",
          items: [
            {
              label: "Ask me first",
              icon: <ShieldIcon />,
              description: "Each run waits for your approval",
              checked: !allow,
              onSelect: () => {
                if (allow) change.mutate("ask");
              },
            },
            {
              label: "Run without asking",
              icon: <PlayIcon />,
              description: "It runs in the sandbox at once: no network, time and memory limits",
              checked: allow,
              onSelect: () => {
                if (!allow) change.mutate("allow");
              },
            },
          ],
        },
      ]}
    />
  );
}
