import { useId } from "react";
import { Link } from "react-router";
import { Button } from "../../components/ui/Button";
import { ChatBubbleIcon } from "../../components/ui/icons";
import { activityOf } from "../../lib/dates";
import { useProjectConversations } from "./hooks";
import { timeAgo } from "./timeAgo";

/** The project's chats, the latest first. */
export function ProjectChats({ projectId }: { projectId: string }) {
  const chats = useProjectConversations(projectId);
  const headingId = useId();
  const items = chats.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="px-1 text-sm font-semibold text-ink">
        Chats in this project
      </h2>
      {chats.error ? (
        <p role="alert" className="mt-3 px-1 text-sm text-danger">
          {chats.error.message}
        </p>
      ) : chats.isPending ? (
        <p role="status" className="mt-3 px-1 text-sm text-muted">
          Loading chats…
        </p>
      ) : items.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
          No chats yet. Start one above: it will know the instructions and the files.
        </p>
      ) : (
        <ul className="mt-2 flex flex-col divide-y divide-line border-y border-line">
          {items.map((chat) => (
            <li key={chat.id}>
              <Link
                to={`/chat/${encodeURIComponent(chat.id)}`}
                className="flex items-center gap-3 px-1 py-3 transition-colors hover:bg-sidebar/70 sm:px-2"
              >
                <ChatBubbleIcon className="size-4 shrink-0 text-muted" />
                <span className="min-w-0 flex-1 truncate text-[0.95rem] text-ink">
                  {chat.title || "New chat"}
                </span>
                <time
                  dateTime={activityOf(chat)}
                  className="shrink-0 text-xs tabular-nums text-muted"
                >
                  {timeAgo(activityOf(chat))}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {chats.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <Button
            variant="ghost"
            onClick={() => void chats.fetchNextPage()}
            disabled={chats.isFetchingNextPage}
          >
            {chats.isFetchingNextPage ? "Loading…" : "Show more chats"}
          </Button>
        </div>
      )}
    </section>
  );
}
