-- write_record(): the record of a new task. Fields at their default are left out, and readers
-- default them: retries r, deliveries d, eta and expires-at e read as 0, priority p as 5 (the
-- manifest's default), the result ttl rx as 86400000 (1 day). A kept record is a small listpack whose
-- allocation grows in 32-byte steps; each pair left out counts. (RECORD_DEFAULTS in task-record.ts.)
-- The common case (priority 5, default ttl, due now, no expiry) is one literal HSET, no table.
-- p, ttl, due and expires are numbers; the caller has checked that the key does not exist.
local function write_record(key, name, args, queue, p, ttl, due, expires, now)
  redis.call('HSET', key, 'n', name, 'a', args, 'q', queue, 's', 'PENDING', 'c', now)
  if p ~= 5 or ttl ~= 86400000 or due > 0 or expires > 0 then
    local extra = {}
    if p ~= 5 then extra[#extra + 1] = 'p'; extra[#extra + 1] = p end
    if ttl ~= 86400000 then extra[#extra + 1] = 'rx'; extra[#extra + 1] = ttl end
    if due > 0 then extra[#extra + 1] = 'eta'; extra[#extra + 1] = due end
    if expires > 0 then extra[#extra + 1] = 'e'; extra[#extra + 1] = expires end
    redis.call('HSET', key, unpack(extra))
  end
end

-- enqueue_one(): write one task record and queue it, unless the id exists (idempotent enqueue).
-- Returns 1 when written (ready), 2 when written (delayed), 0 when the id existed. Callers push
-- ready ids themselves (so a batch can LPUSH once) and call index_and_wake() after.
-- Positional arguments, not a table.
local function enqueue_one(key, id, name, args, queue, prio, eta, expires_at, result_ttl, now, delayed)
  if redis.call('EXISTS', key) == 1 then return 0 end
  local due = tonumber(eta)
  write_record(key, name, args, queue, tonumber(prio), tonumber(result_ttl), due, tonumber(expires_at), now)
  if due > now then
    redis.call('ZADD', delayed, eta, prio .. '|' .. id)
    return 2
  end
  return 1
end

-- Index new ids for the admin's task list (capped) and wake one idle worker of the queue; it
-- re-signals while work remains, so a burst wakes them all in turn. The signal names the first id:
-- the woken worker's claim starts that task itself, sparing a start call (claim.lua). The index is
-- cut back to `cap` once it is a sixteenth over: a ZCARD per call and one ZREMRANGEBYRANK per cap/16
-- ids, not a ZREMRANGEBYRANK removing one id at every enqueue.
local function index_and_wake(recent_key, signal_key, recent, cap)
  if #recent == 0 then return end
  redis.call('ZADD', recent_key, unpack(recent))
  if cap > 0 and redis.call('ZCARD', recent_key) > cap + math.floor(cap / 16) then
    redis.call('ZREMRANGEBYRANK', recent_key, 0, -(cap + 1))
  end
  if redis.call('LLEN', signal_key) == 0 then redis.call('LPUSH', signal_key, recent[2]) end
end
