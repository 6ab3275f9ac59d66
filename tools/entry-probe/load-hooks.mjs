// Module hooks (run on node's loader thread): append each loaded module's URL to $CELERITY_LOAD_LOG.
import { appendFileSync } from "node:fs";

const log = process.env.CELERITY_LOAD_LOG;

export async function load(url, context, nextLoad) {
  if (log) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
