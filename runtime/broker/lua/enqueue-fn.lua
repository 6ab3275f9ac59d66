-- enqueue_one(): write one task record and queue it, unless the id exists (idempotent enqueue).
-- Returns 1 when written, 0 when the id existed. Callers push the ready id themselves (so a batch
-- can LPUSH once) and call wake() after.
-- t = { key, id, name, args, queue, prio, eta, expires_at, result_ttl, now, delayed }
local function enqueue_one(t)
  if redis.call('EXISTS', t.key) == 1 then return 0 end
  redis.call('HSET', t.key, 'n', t.name, 'a', t.args, 'q', t.queue, 'p', t.prio, 's', 'PENDING',
    'r', 0, 'd', 0, 'c', t.now, 'eta', t.eta, 'e', t.expires_at, 'rx', t.result_ttl)
  if tonumber(t.eta) > t.now then
    redis.call('ZADD', t.delayed, t.eta, t.prio .. '|' .. t.id)
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
