import { Link } from "react-router";
import { ChatHeader } from "./ChatHeader";

export function ConversationMissing({ status, message }: { status: number; message: string }) {
  return (
    <>
      <ChatHeader title={null} />
      <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 text-center">
        <h2 className="font-serif text-2xl text-ink">
          {status === 404 ? "This conversation doesn't exist" : "Couldn't open this conversation"}
        </h2>
        <p className="text-muted">{status === 404 ? "It may have been deleted." : message}</p>
        <Link
          to="/"
          className="font-medium text-accent-strong underline underline-offset-2 dark:text-[#e8957a]"
        >
          Start a new chat
        </Link>
      </div>
    </>
  );
}
