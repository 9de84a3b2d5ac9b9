// recharts, built against the React chunk's globals (see react.tsx).
import * as Recharts from "recharts";
import { registerChunk } from "./chunks";

registerChunk("recharts", { module: { ...Recharts, __esModule: true } });
