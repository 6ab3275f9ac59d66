import { runWorkerMain } from "../../runtime/mod.ts";
import { app, dispatch } from "../app/app.ts";

// The celerity worker child: the runtime's own CLI entry, as `npm run worker` runs it.
await runWorkerMain({ app, dispatch }, { argv: process.argv.slice(2) });
