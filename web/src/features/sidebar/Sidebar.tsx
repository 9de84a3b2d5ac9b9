import { useEffect, useMemo, useRef } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useLayoutStore } from "../../app/uiStore";
import { IconButton } from "../../components/ui/Button";
import { CloseIcon, PlusIcon, SidebarIcon } from "../../components/ui/icons";
import { Logo } from "../../components/ui/Logo";
import { groupConversations } from "../../lib/dates";
import { ConversationItem } from "./ConversationItem";
import { useConversations } from "./hooks";
import { UserMenu } from "./UserMenu";

export function Sidebar({ variant }: { variant: "desktop" | "drawer" }) {
  const { id: activeId } = useParams();
  const navigate = useNavigate();
  const toggleSidebar = useLayoutStore((s) => s.toggleSidebar);
  const setDrawerOpen = useLayoutStore((s) => s.setDrawerOpen);
  const conversations = useConversations();

  // Load the next page as the list's end scrolls into view; the button stays for keyboard users.
  const sentinel = useRef<HTMLButtonElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = conversations;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const groups = useMemo(() => {
    const items = (conversations.data?.pages ?? [])
      .flatMap((p) => p.items)
      .filter((c) => !c.archived);
    return groupConversations(items);
  }, [conversations.data]);

  return (
    <nav className="flex h-full w-full flex-col" aria-label="Sidebar">
      <div className="flex items-center justify-between px-3 pb-2 pt-3">
        <Link to="/" className="flex items-center gap-2 rounded-lg px-1.5 py-1 text-ink">
          <Logo className="size-7" />
          <span className="font-serif text-xl font-semibold tracking-tight">Parley</span>
        </Link>
        {variant === "desktop" ? (
          <IconButton label="Collapse sidebar" onClick={toggleSidebar}>
            <SidebarIcon className="size-5" />
          </IconButton>
        ) : (
          <IconButton label="Close menu" onClick={() => setDrawerOpen(false)}>
            <CloseIcon className="size-5" />
          </IconButton>
        )}
      </div>
      <div className="px-3 pb-3">
        <button
          type="button"
          onClick={() => {
            setDrawerOpen(false);
            navigate("/");
          }}
          className="flex w-full items-center gap-2.5 rounded-xl px-2.5 py-2 text-[0.95rem] font-medium text-ink transition-colors hover:bg-line/60"
        >
          <span className="flex size-7 items-center justify-center rounded-full bg-brand text-white shadow-sm">
            <PlusIcon className="size-4" strokeWidth={2.4} />
          </span>
          New chat
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {conversations.isPending && (
          <p className="px-3 py-2 text-sm text-muted" role="status">
            Loading conversations…
          </p>
        )}
        {conversations.isError && (
          <p className="px-3 py-2 text-sm text-danger" role="alert">
            Couldn't load conversations. {conversations.error.message}
          </p>
        )}
        {conversations.isSuccess && groups.length === 0 && (
          <p className="px-3 py-2 text-sm text-muted">Your conversations will appear here.</p>
        )}
        {groups.map(({ group, items }) => (
          <section key={group} aria-label={group} className="mb-3">
            <h2 className="px-3 pb-1 pt-2 text-xs font-medium text-muted">{group}</h2>
            <ul>
              {items.map((c) => (
                <ConversationItem key={c.id} conversation={c} active={c.id === activeId} />
              ))}
            </ul>
          </section>
        ))}
        {conversations.hasNextPage && (
          <button
            ref={sentinel}
            type="button"
            onClick={() => void conversations.fetchNextPage()}
            disabled={conversations.isFetchingNextPage}
            className="mx-3 mt-1 text-sm text-muted underline-offset-2 hover:text-ink hover:underline"
          >
            {conversations.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        )}
      </div>
      <div className="border-t border-line p-2">
        <UserMenu />
      </div>
    </nav>
  );
}
