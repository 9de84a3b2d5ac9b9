// Every lucide-react icon, built against the React chunk's globals (see react.tsx).
import * as Lucide from "lucide-react";
import { registerChunk } from "./chunks";

registerChunk("lucide", { module: { ...Lucide, __esModule: true } });
