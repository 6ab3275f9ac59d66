-- claim(): promote due delayed tasks, recover expired leases, then lease up to `want` ready ids,
-- highest priority first, FIFO within a priority.
-- KEYS layout is CLAIM_KEYS per queue: ready p0..p9, delayed, leases, signal, then dead, dead_raw,
-- canvas outbox.
-- Returns a flat list {queue_index, priority, id, ...} and, when nothing was claimed, the ms until the
-- next due time (delayed or lease deadline) as the only element, -1 if none. `now` is Redis's clock
-- (now_ms()): relative, so the worker can sleep by it whatever its own clock says.
-- Second result: 1 when the shard's canvas outbox holds an entry older than outbox_grace ms (its
-- writer died before applying it), so the worker sweeps it; like expired leases, found by claims.
local CLAIM_KEYS = 13
local function claim(kb, nq, now, want, lease_ms, limit, dead, dead_raw, queues, outbox, outbox_grace)
  local out = {}
  -- As strings, formatted once per call rather than at every use (see int_str).
  local deadline = int_str(now + lease_ms)
  -- Garbage popped from a ready list is buried in these: a wrong type must stop the call before
  -- anything is popped (two TYPE calls per claim, not per task).
  ensure_type(dead, 'zset')
  ensure_type(dead_raw, 'hash')
  -- Read first: a wrong-type outbox fails the call before anything moved (and is quarantined).
  local stale = #redis.call('ZRANGEBYSCORE', outbox, '-inf', now - outbox_grace, 'LIMIT', 0, 1)
  for qi = 0, nq - 1 do
    local b = kb + qi * CLAIM_KEYS
    local delayed, leases, signal = KEYS[b + 11], KEYS[b + 12], KEYS[b + 13]
    local due = redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, limit)
    if #due > 0 then
      ensure_ready_lists(b, due)
      for _, m in ipairs(due) do
        local p, id = split_member(m)
        redis.call('LPUSH', KEYS[b + 1 + p], id)
      end
      redis.call('ZREM', delayed, unpack(due))
    end
    local lost = redis.call('ZRANGEBYSCORE', leases, '-inf', now, 'LIMIT', 0, limit)
    if #lost > 0 then
      ensure_ready_lists(b, lost)
      for _, m in ipairs(lost) do
        local p, id = split_member(m)
        -- Back to the head: it was taken before anything now waiting.
        redis.call('RPUSH', KEYS[b + 1 + p], id)
      end
      redis.call('ZREM', leases, unpack(lost))
    end
    local p = 9
    while want > 0 and p >= 0 do
      local ids = redis.call('RPOP', KEYS[b + 1 + p], want)
      if ids then
        local z, tag = {}, p .. '|'
        for _, id in ipairs(ids) do
          if valid_id(id) then
            z[#z + 1] = deadline
            z[#z + 1] = tag .. id
            out[#out + 1] = qi
            out[#out + 1] = p
            out[#out + 1] = id
            want = want - 1
          else
            bury_raw(dead, dead_raw, now, id, 'not a task id (garbage in the ready queue)', queues[qi + 1])
          end
        end
        if #z > 0 then redis.call('ZADD', leases, unpack(z)) end
      else
        p = p - 1
      end
    end
    if want <= 0 and redis.call('LLEN', signal) == 0 then
      for rp = 0, 9 do
        if redis.call('LLEN', KEYS[b + 1 + rp]) > 0 then
          redis.call('LPUSH', signal, '1')
          break
        end
      end
    end
  end
  if #out == 0 then
    local next_due = -1
    for qi = 0, nq - 1 do
      local b = kb + qi * CLAIM_KEYS
      for k = 11, 12 do
        local first = redis.call('ZRANGE', KEYS[b + k], 0, 0, 'WITHSCORES')
        if first[2] then
          local s = tonumber(first[2])
          if next_due < 0 or s < next_due then next_due = s end
        end
      end
    end
    out[1] = next_due < 0 and -1 or math.max(0, next_due - now)
  end
  return out, stale
end
