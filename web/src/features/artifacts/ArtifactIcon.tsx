import type { SVGProps } from "react";
import type { ArtifactKind } from "../../api/types";
import {
  AtomIcon,
  CodeIcon,
  DiagramIcon,
  DocumentIcon,
  GlobeIcon,
  ImageIcon,
} from "../../components/ui/icons";

export function ArtifactIcon({ type, ...props }: { type: ArtifactKind } & SVGProps<SVGSVGElement>) {
  switch (type) {
    case "code":
      return <CodeIcon {...props} />;
    case "markdown":
      return <DocumentIcon {...props} />;
    case "html":
      return <GlobeIcon {...props} />;
    case "svg":
      return <ImageIcon {...props} />;
    case "mermaid":
      return <DiagramIcon {...props} />;
    case "react":
      return <AtomIcon {...props} />;
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}
