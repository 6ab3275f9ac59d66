-- claim(): promote due delayed tasks, recover expired leases, then lease up to `want` ready ids,
-- highest priority first, FIFO within a priority.
-- KEYS layout is CLAIM_KEYS per queue: ready p0..p9, delayed, leases, signal, then dead, dead_raw,
-- canvas outbox.
-- Returns a flat list {queue_index, priority, id, ...} and, when nothing was claimed, the ms until the
-- next due time (delayed or lease deadline) as the only element, -1 if none. `now` is Redis's clock
-- (now_ms()): relative, so the worker can sleep by it whatever its own clock says. Fourth result:
-- that wait whenever the claim came back short of `want` (its queues' ready lists are empty), else -2.
-- Second result: 1 when the shard's canvas outbox holds an entry older than outbox_grace ms (its
-- writer died before applying it), so the worker sweeps it; like expired leases, found by claims.
-- Third: start_task rows of the claimed ids the caller named in `starts` (`starts.keys` maps id to
-- its record's key, `starts.ctx` is start_task's): those are started here, saving the start call a
-- leased id otherwise needs. The caller names ids it expects next (the one a wake-up signal carried):
-- a script may touch only the keys it was given, and the ready list's ids are known only inside.
local CLAIM_KEYS = 13

-- The lowest score of a sorted set (due time or lease deadline), nil when it is empty.
local function first_score(zset)
  local first = redis.call('ZRANGE', zset, 0, 0, 'WITHSCORES')
  return first[2] and tonumber(first[2])
end

-- The members of a due-ordered set due by `now` (at most `limit`), and its lowest score (nil when
-- empty). It peeks first: nothing is due in the common case, one command instead of two.
local function take_due(zset, now, limit)
  local first = first_score(zset)
  if first and first <= now then
    return redis.call('ZRANGEBYSCORE', zset, '-inf', now, 'LIMIT', 0, limit), first
  end
  return {}, first
end

-- Moves members "<p>|<id>" out of `zset` onto their ready lists: `push` LPUSH puts them behind what
-- waits, RPUSH ahead of it.
local function requeue(b, zset, members, push)
  ensure_ready_lists(b, members)
  for _, m in ipairs(members) do
    local p, id = split_member(m)
    redis.call(push, KEYS[b + 1 + p], id)
  end
  redis.call('ZREM', zset, unpack(members))
end

-- The earlier of two times, either of which may be nil (none).
local function earlier(a, b)
  if not a then return b end
  if not b then return a end
  return math.min(a, b)
end

local function claim(kb, nq, now, want, lease_ms, limit, dead, dead_raw, queues, outbox, outbox_grace, starts)
  local out, started = {}, {}
  local start_keys = starts and starts.keys
  -- As strings, formatted once per call rather than at every use (see int_str).
  local deadline = int_str(now + lease_ms)
  -- Garbage popped from a ready list is buried in these: a wrong type must stop the call before
  -- anything is popped (two TYPE calls per claim, not per task).
  ensure_type(dead, 'zset')
  ensure_type(dead_raw, 'hash')
  -- Read first: a wrong-type outbox fails the call before anything moved (and is quarantined).
  local stale = #redis.call('ZRANGEBYSCORE', outbox, '-inf', now - outbox_grace, 'LIMIT', 0, 1)
  -- The earliest delayed task or lease deadline, read by the peeks below: a claim that comes back
  -- short reports it without reading the sets again, unless it moved members out of them.
  local next_due, moved = nil, false
  for qi = 0, nq - 1 do
    local b = kb + qi * CLAIM_KEYS
    local delayed, leases, signal = KEYS[b + 11], KEYS[b + 12], KEYS[b + 13]
    local due, first_delayed = take_due(delayed, now, limit)
    if #due > 0 then requeue(b, delayed, due, 'LPUSH') end
    -- Back to the head: an expired lease's task was taken before anything now waiting.
    local lost, first_lease = take_due(leases, now, limit)
    if #lost > 0 then requeue(b, leases, lost, 'RPUSH') end
    next_due = earlier(earlier(next_due, first_delayed), first_lease)
    moved = moved or #due > 0 or #lost > 0
    -- One LMPOP finds the highest non-empty priority: a claim of a few tasks (or none) made ten
    -- RPOPs from Lua, most of them of empty lists.
    local lists, prio = { 10 }, {}
    for p = 9, 0, -1 do
      local ready = KEYS[b + 1 + p]
      lists[11 - p] = ready
      prio[ready] = p
    end
    lists[12], lists[13] = 'RIGHT', 'COUNT'
    while want > 0 do
      lists[14] = want
      local popped = redis.call('LMPOP', unpack(lists))
      if not popped then break end
      local ids, p = popped[2], prio[popped[1]]
      local z, tag, mine = {}, p .. '|', nil
      for _, id in ipairs(ids) do
        if valid_id(id) then
          z[#z + 1] = deadline
          z[#z + 1] = tag .. id
          out[#out + 1] = qi
          out[#out + 1] = p
          out[#out + 1] = id
          want = want - 1
          if start_keys and start_keys[id] then
            mine = mine or {}
            mine[#mine + 1] = id
          end
        else
          bury_raw(dead, dead_raw, now, id, 'not a task id (garbage in the ready queue)', queues[qi + 1])
        end
      end
      if #z > 0 then
        redis.call('ZADD', leases, unpack(z))
        next_due = earlier(next_due, now + lease_ms)
      end
      -- After the lease is written: a refused start removes it.
      if mine then
        for _, id in ipairs(mine) do
          started[#started + 1] = start_task(starts.ctx, start_keys[id], leases, tag .. id)
        end
      end
    end
    -- Work remains: wake another worker, naming the id it will claim first (its claim may start it).
    if want <= 0 and redis.call('LLEN', signal) == 0 then
      for rp = 9, 0, -1 do
        local next_id = redis.call('LINDEX', KEYS[b + 1 + rp], -1)
        if next_id then
          redis.call('LPUSH', signal, next_id)
          break
        end
      end
    end
  end
  -- Came back short (the ready lists are empty): how long the worker may wait, as for an empty claim.
  local wait = -2
  if want > 0 then
    if moved then
      -- Promoted or recovered members were due; what is left may be due soon.
      next_due = nil
      for qi = 0, nq - 1 do
        local b = kb + qi * CLAIM_KEYS
        next_due = earlier(earlier(next_due, first_score(KEYS[b + 11])), first_score(KEYS[b + 12]))
      end
    end
    -- (A lease a refused start removed may still count: the worker then looks once too early.)
    wait = next_due and math.max(0, next_due - now) or -1
  end
  if #out == 0 then out[1] = wait end
  return out, stale, started, wait
end

-- claim()'s `starts` from a call's ARGV tail at `a`: the number of ids to start, then (when any) the
-- worker id, max deliveries, max payload bytes, done channel prefix and the ids; their record keys
-- follow the claim keys, from KEYS[rk + 1]. Returns starts (nil when none).
local function claim_starts(a, rk, now, stamp, dead, dead_raw)
  local h = tonumber(ARGV[a])
  if h == 0 then return nil end
  local keys = {}
  for j = 1, h do keys[ARGV[a + 4 + j]] = KEYS[rk + j] end
  return {
    keys = keys,
    ctx = {
      worker = ARGV[a + 1], max_deliveries = tonumber(ARGV[a + 2]), max_payload = tonumber(ARGV[a + 3]),
      chan = ARGV[a + 4], now = now, stamp = stamp, dead = dead, dead_raw = dead_raw,
    },
  }
end

-- ARGV entries claim_starts() reads at `a`.
local function claim_starts_span(a)
  local h = tonumber(ARGV[a])
  return h == 0 and 1 or 5 + h
end
