/** The characters and length a queue name may have, for patterns that extend it (a shard's part). */
export const QUEUE_NAME_BODY = "[A-Za-z0-9_.-]{1,100}";

/**
 * What a queue name may be: 1 to 100 of `[A-Za-z0-9_.-]`. It becomes part of key names, so the
 * client, worker, beat, canvas and admin all hold names to this before building one.
 */
export const QUEUE_NAME_PATTERN = new RegExp(`^${QUEUE_NAME_BODY}$`);
