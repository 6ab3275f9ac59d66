-- Shared by beat's firing and run-now scripts (appended after the broker's enqueue functions).

-- Writes one periodic run as a task and queues it. k = { task, ready, delayed, signal, recent },
-- a = { id, name, args, queue, prio, expires_at, result_ttl, recent_cap }. Returns enqueue_one's code.
local function enqueue_run(k, a, now)
  -- A record written but not queued would read as "existed already" when the firing is retried.
  ensure_type(k.ready, 'list')
  local written = enqueue_one(k.task, a.id, a.name, a.args, a.queue, a.prio, 0, a.expires_at, a.result_ttl, now, k.delayed)
  if written == 1 then redis.call('LPUSH', k.ready, a.id) end
  if written > 0 then index_and_wake(k.recent, k.signal, { now, a.id }, tonumber(a.recent_cap)) end
  return written
end

-- Counts a run of entry `name` and remembers when it happened (django-celery-beat's
-- total_run_count and last_run_at).
local function record_run(count_key, last_key, name, now)
  redis.call('HINCRBY', count_key, name, 1)
  redis.call('HSET', last_key, name, now)
end

-- The enqueue fields of a run, read from ARGV starting at index b.
local function run_args(b)
  return { id = ARGV[b], name = ARGV[b + 1], args = ARGV[b + 2], queue = ARGV[b + 3], prio = ARGV[b + 4],
    expires_at = ARGV[b + 5], result_ttl = ARGV[b + 6], recent_cap = ARGV[b + 7] }
end
