-- Enqueues one extra run of an entry now (admin "run now"); it counts as a run but leaves the
-- schedule alone.
-- KEYS: 1 entries, 2 run count, 3 last run, 4 task record, 5 ready list, 6 delayed, 7 signal, 8 recent
-- ARGV: 1 name, 2 now, 3.. id, task name, args JSON, queue, priority, expires-at, result ttl, recent cap
-- Returns 0 when the entry does not exist, 1 enqueued, 2 the id existed.
local name, now = ARGV[1], tonumber(ARGV[2])
local runs, last = KEYS[2], KEYS[3]
if redis.call('HEXISTS', KEYS[1], name) == 0 then return 0 end
-- An empty id: the run went to a sharded queue (another slot), enqueued by the caller; count it.
if ARGV[3] == '' then
  record_run(runs, last, name, now)
  return 1
end
local written = enqueue_run({ task = KEYS[4], ready = KEYS[5], delayed = KEYS[6], signal = KEYS[7], recent = KEYS[8] }, run_args(3), now)
if written == 0 then return 2 end
record_run(runs, last, name, now)
return 1
