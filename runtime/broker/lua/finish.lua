-- Record outcomes of finished runs, each atomically with releasing its lease.
-- KEYS from kb: dead, then GROUP_KEYS per queue (leases, delayed, stats, signal), then one task
-- record per outcome. ARGV from ab: queue count, outcome count, then 8 per outcome:
--   queue index (1-based), kind, lease member, payload, due, retries, delivery token, canvas key count
-- then, after the records, each outcome's canvas keys (see canvas.lua; none when its count is 0).
-- A canvas key count of 'r' means the outcome's canvas keys lie in other slots: its one canvas key
-- is this slot's outbox, and what its canvas sets off is deferred there (canvas_defer).
--   kind ok      payload = result JSON; retries '1' means ignore_result (the result is not stored);
--                due = how many of its canvas keys are the success's (the rest are the failure's)
--   kind fail    payload = error JSON; goes to the dead-letter store
--   kind retry   payload = error JSON; back to delayed at due with retries
--   kind release payload = ''; back to delayed at due (rate limit, warm shutdown) without counting a delivery
--   kind ack     payload = ''; acks_late = false acks before running: marks the record at-most-once
--                and keeps the lease, so a crash reads as lost (start.lua) instead of redelivering
--   due is '+<ms>' (relative to Redis's clock: countdowns, backoff) or '<epoch ms>' (a user's eta)
-- Fencing: an outcome whose token is not the record's current delivery token (tk) comes from a
-- superseded delivery (its lease expired and the task was delivered again): it is refused, touches
-- nothing (not even the lease, which is the live delivery's now), and is counted in the queue's
-- stats field 'fenced'. Per-queue keys travel once per call, not once per outcome, and per-queue
-- writes (lease ZREM, minute counters) are gathered and issued once per call.
-- Returns the number of KEYS it used, the ids of refused outcomes and the deferred outbox entries.
local GROUP_KEYS = 4
-- '+<ms>' from now, or an absolute epoch ms.
local function due_at(spec, now)
  if string.sub(spec, 1, 1) == '+' then return now + tonumber(string.sub(spec, 2)) end
  return tonumber(spec)
end
local function finish(kb, ab, now, chan)
  local dead = KEYS[kb + 1]
  local ngroups, count = tonumber(ARGV[ab + 1]), tonumber(ARGV[ab + 2])
  local rb = kb + 1 + ngroups * GROUP_KEYS
  local kc = rb + count + 1
  local unlease, unlease_keys, refused = {}, {}, {}
  local counters, counter_keys = {}, {}
  -- The table gathered for `key`, made on first use; `order` keeps the keys in first-seen order.
  local function bucket(map, order, key)
    local b = map[key]
    if not b then
      b = {}
      map[key] = b
      order[#order + 1] = key
    end
    return b
  end
  -- Counted by kind here; the minute's field names are built once per call, at the end.
  local function bump(stats, kind)
    local c = bucket(counters, counter_keys, stats)
    c[kind] = (c[kind] or 0) + 1
  end
  for i = 0, count - 1 do
    local a = ab + 2 + i * 8
    local relay = ARGV[a + 8] == 'r'
    local nck = relay and 1 or tonumber(ARGV[a + 8]) or 0
    local ck_at = kc
    kc = kc + nck
    local g = kb + 1 + (tonumber(ARGV[a + 1]) - 1) * GROUP_KEYS
    local key, leases, delayed, stats, signal = KEYS[rb + 1 + i], KEYS[g + 1], KEYS[g + 2], KEYS[g + 3], KEYS[g + 4]
    local kind, member, payload = ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
    local _, id = split_member(member)
    local rec = redis.call('HMGET', key, 's', 'rv', 'rx', 'err', 'r', 'tk', 'cv', 'n', 'ir')
    local state = rec[1]
    local superseded = state and rec[6] ~= ARGV[a + 7]
    if superseded then
      refused[#refused + 1] = id
      redis.call('HINCRBY', stats, 'fenced', 1)
    elseif kind == 'ack' then
      if state == 'STARTED' then redis.call('HSET', key, 'am', '1') end
    else
      local z = bucket(unlease, unlease_keys, leases)
      z[#z + 1] = member
    end
    if state and not superseded and not FINAL[state] and kind ~= 'ack' then
      local ttl = tonumber(rec[3]) or 86400000
      if kind == 'ok' then
        if rec[2] == 'terminate' then
          finish_final(key, 'REVOKED', 'res', payload, now, chan, id, 'terminated')
          -- Revoked, though it returned: what follows it in its canvas must not wait for it.
          if nck > 0 then
            local ok, cv = pcall(cjson.decode, rec[7] or '')
            local revoked = '{"name":"TaskRevokedError","message":"task revoked (terminated)"}'
            if ok and type(cv) == 'table' then
              if relay then canvas_defer(KEYS[ck_at], 'fail', id, rec[8] or '', revoked, ttl, rec[7], now)
              else canvas_fail(cv, id, rec[8] or '', revoked, ttl, ck_at + (tonumber(ARGV[a + 5]) or 0), now, chan) end
            end
          end
        else
          -- ignore_result: the state is kept, the result is not stored (its successors still get it).
          finish_final(key, 'SUCCESS', 'res', (rec[9] or ARGV[a + 6] == '1') and '' or payload, now, chan, id, nil)
          if nck > 0 then
            local ok, cv = pcall(cjson.decode, rec[7] or '')
            if ok and type(cv) == 'table' then
              if relay then canvas_defer(KEYS[ck_at], 'ok', id, rec[8] or '', payload, ttl, rec[7], now)
              else canvas_ok(cv, id, rec[8] or '', payload, ttl, ck_at, now, dead, chan) end
            end
          end
        end
        if rec[4] then redis.call('HDEL', key, 'err') end
        redis.call('PEXPIRE', key, rec[3] and ttl or '86400000')
        bump(stats, 'ok')
      elseif kind == 'fail' then
        -- Before the record turns FAILURE: a retry after quarantine must still find it unfinished.
        ensure_type(dead, 'zset')
        local why = payload
        local ok, decoded = pcall(cjson.decode, payload)
        if ok and type(decoded) == 'table' and decoded.message then why = tostring(decoded.name) .. ': ' .. tostring(decoded.message) end
        if rec[2] == 'terminate' then
          finish_final(key, 'REVOKED', 'err', payload, now, chan, id, 'terminated')
          redis.call('PEXPIRE', key, ttl)
        else
          finish_final(key, 'FAILURE', 'err', payload, now, chan, id, string.sub(why, 1, 1000))
          redis.call('ZADD', dead, now, id)
        end
        if nck > 0 then
          local ok, cv = pcall(cjson.decode, rec[7] or '')
          if ok and type(cv) == 'table' then
            if relay then canvas_defer(KEYS[ck_at], 'fail', id, rec[8] or '', payload, ttl, rec[7], now)
            else canvas_fail(cv, id, rec[8] or '', payload, ttl, ck_at, now, chan) end
          end
        end
        bump(stats, 'fail')
      elseif kind == 'retry' then
        local due = due_at(ARGV[a + 5], now)
        -- A retry is a new run: its deliveries (crash redeliveries, for poison detection) start over.
        redis.call('HSET', key, 's', 'RETRY', 'err', payload, 'r', ARGV[a + 6], 'eta', due, 'd', 0)
        redis.call('HDEL', key, 'am')
        redis.call('ZADD', delayed, due, member)
        bump(stats, 'retry')
        -- An idle worker may be asleep until a later due time: wake one to re-plan its wait.
        if redis.call('LLEN', signal) == 0 then redis.call('LPUSH', signal, '1') end
      elseif kind == 'release' then
        local retries = tonumber(rec[5]) or 0
        redis.call('HSET', key, 's', retries > 0 and 'RETRY' or 'PENDING')
        redis.call('HINCRBY', key, 'd', -1)
        redis.call('HDEL', key, 'am')
        redis.call('ZADD', delayed, due_at(ARGV[a + 5], now), member)
        if redis.call('LLEN', signal) == 0 then redis.call('LPUSH', signal, '1') end
      end
    end
  end
  for _, leases in ipairs(unlease_keys) do
    local members = unlease[leases]
    for from = 1, #members, 1000 do
      redis.call('ZREM', leases, unpack(members, from, math.min(from + 999, #members)))
    end
  end
  for _, stats in ipairs(counter_keys) do
    for kind, n in pairs(counters[stats]) do redis.call('HINCRBY', stats, minute_field(now, kind), n) end
  end
  return kc - 1 - kb, refused, DEFERRED
end
