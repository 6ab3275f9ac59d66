/** The longest task id the broker takes (valid_id in lib.lua holds what a ready list hands out to the same). */
export const MAX_TASK_ID_LENGTH = 200;

/**
 * What a task id may be: 1 to {@link MAX_TASK_ID_LENGTH} of `[A-Za-z0-9_.:-]`, the ids the client
 * accepts and valid_id (lib.lua) lets out of a ready list. Anything else never names a key.
 */
export const TASK_ID_PATTERN = new RegExp(`^[A-Za-z0-9_.:-]{1,${MAX_TASK_ID_LENGTH}}$`);
