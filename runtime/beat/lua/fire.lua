-- Fires one periodic entry, if it is still due at the time the caller saw (compare-and-set on its
-- score in the due ZSET): enqueue the run under its deterministic id, move the entry to its next
-- run (computed by the caller) or retire it, and count the run. Two beats racing on one entry:
-- the second finds the score moved and does nothing.
-- KEYS: 1 due, 2 disabled, 3 run count, 4 last run, 5 task record, 6 ready list, 7 delayed, 8 signal, 9 recent
-- ARGV: 1 name, 2 expected due ms, 3 next due ms ('' = none), 4 disable after ('1'/'0'), 5 now,
--       6 enqueue ('1'; '0' advances without a run, e.g. the task vanished from the app; '2' the run
--         went to a queue shard in another slot, enqueued by the caller just before, ARGV[7] '1' when
--         it was new; '3' only checks, returning 5 when due: the caller then enqueues and calls with '2'),
--       7.. id, task name, args JSON, queue, priority, expires-at, result ttl, recent cap
-- Returns 0 not due (someone else fired it or it changed), 1 fired, 2 fired but the id existed, 3 advanced only,
-- 4 not due yet by Redis's clock (the caller's clock runs ahead): nothing changed.
local name, now = ARGV[1], tonumber(ARGV[5])
local runs, last = KEYS[3], KEYS[4]
local score = redis.call('ZSCORE', KEYS[1], name)
if not score or tonumber(score) ~= tonumber(ARGV[2]) then return 0 end
-- Due-ness is Redis's call, not the caller's: a beat whose clock runs fast never fires early.
if tonumber(score) > now_ms() then return 4 end
if ARGV[6] == '3' then return 5 end

local result = 3
if ARGV[6] == '1' then
  local written = enqueue_run({ task = KEYS[5], ready = KEYS[6], delayed = KEYS[7], signal = KEYS[8], recent = KEYS[9] }, run_args(7), now)
  if written > 0 then
    record_run(runs, last, name, now)
    result = 1
  else
    result = 2
  end
elseif ARGV[6] == '2' then
  if ARGV[7] == '1' then
    record_run(runs, last, name, now)
    result = 1
  else
    result = 2
  end
end

if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], name)
else
  redis.call('ZADD', KEYS[1], ARGV[3], name)
end
if ARGV[4] == '1' then redis.call('SADD', KEYS[2], name) end
return result
