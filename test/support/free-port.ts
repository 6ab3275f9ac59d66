/**
 * Free TCP ports for the redis-server processes destructive tests start, held until the server is
 * about to bind them.
 */
import { createServer, type Server } from "node:net";

/** Listens on `port` to hold it, so that other test processes looking for free ports pass it by; null if taken. */
function hold(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

// Below Linux's ephemeral range (32768 up): a port in it that is free when checked can be taken as
// the source port of any outgoing connection before the server binds it, seconds later. A port the
// OS hands out for port 0 lies in that range.
const LOWEST_PORT = 10_000;
const HIGHEST_PORT = 32_699;

/** A held port: `port + offset` for each offset asked for is free and held until `release()`. */
export interface HeldPort {
  port: number;
  release: () => Promise<void>;
}

/**
 * A port below the ephemeral range such that `port + offset` is free for every offset (a cluster
 * node needs its bus port, `port + 10000`), none of them in `taken`; all are held until `release()`.
 */
export async function holdFreePort(
  options: { offsets?: readonly number[]; taken?: ReadonlySet<number> } = {},
): Promise<HeldPort> {
  const offsets = options.offsets ?? [0];
  const span = HIGHEST_PORT - Math.max(...offsets) - LOWEST_PORT;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * span);
    if (offsets.some((o) => options.taken?.has(port + o))) continue;
    const held: Server[] = [];
    for (const o of offsets) {
      const server = await hold(port + o);
      if (!server) break;
      held.push(server);
    }
    if (held.length === offsets.length) return { port, release: () => Promise.all(held.map(close)).then(() => {}) };
    await Promise.all(held.map(close));
  }
  throw new Error(`no free port found below ${HIGHEST_PORT} (offsets ${offsets.join(", ")})`);
}
