import type { Message } from "../../api/types";
import type { SiblingInfo } from "./MessageControls";

export interface MessageItemProps {
  message: Message;
  canRetry: boolean;
  onRetry: (messageId: string) => void;
  siblings?: SiblingInfo;
  onPickSibling?: (messageId: string, siblingId: string) => void;
  canEdit?: boolean;
  onEdit?: (messageId: string, text: string, attachments: string[]) => void;
}
