import { memo } from "react";
import { AssistantMessage } from "./AssistantMessage";
import type { MessageItemProps } from "./messageProps";
import { UserMessage } from "./UserMessage";

export type { SiblingInfo } from "./MessageControls";

export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  return props.message.role === "user" ? (
    <UserMessage {...props} />
  ) : (
    <AssistantMessage {...props} />
  );
});
