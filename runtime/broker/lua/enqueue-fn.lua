-- enqueue_one(): write one task record and queue it, unless the id exists (idempotent enqueue).
-- Returns 1 when written (ready), 2 when written (delayed), 0 when the id existed. Callers push
-- ready ids themselves (so a batch can LPUSH once) and call index_and_wake() after.
-- Positional arguments, not a table: this runs once per task of every bulk enqueue.
local function enqueue_one(key, id, name, args, queue, prio, eta, expires_at, result_ttl, now, delayed)
  if redis.call('EXISTS', key) == 1 then return 0 end
  -- Zero-valued fields (retries r, deliveries d, eta, expires-at e) are left out: readers default
  -- them to 0, and a bulk enqueue writes one fewer field pair per zero. Two literal calls rather
  -- than an argument table built per task: this runs once per enqueued task.
  local due = tonumber(eta)
  if due > 0 or tonumber(expires_at) > 0 then
    redis.call('HSET', key, 'n', name, 'a', args, 'q', queue, 'p', prio, 's', 'PENDING', 'c', now, 'rx', result_ttl,
      'eta', eta, 'e', expires_at)
  else
    redis.call('HSET', key, 'n', name, 'a', args, 'q', queue, 'p', prio, 's', 'PENDING', 'c', now, 'rx', result_ttl)
  end
  if due > now then
    redis.call('ZADD', delayed, eta, prio .. '|' .. id)
    return 2
  end
  return 1
end

-- Index new ids for the admin's task list (capped) and wake one idle worker of the queue; it
-- re-signals while work remains, so a burst wakes them all in turn.
local function index_and_wake(recent_key, signal_key, recent, cap)
  if #recent == 0 then return end
  redis.call('ZADD', recent_key, unpack(recent))
  if cap > 0 then redis.call('ZREMRANGEBYRANK', recent_key, 0, -(cap + 1)) end
  if redis.call('LLEN', signal_key) == 0 then redis.call('LPUSH', signal_key, '1') end
end
