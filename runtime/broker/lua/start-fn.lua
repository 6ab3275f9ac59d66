-- start_task(): turn one leased task into a run: load its record, refuse what must not run, mark the
-- rest STARTED. `ctx` holds what is the same for every task of a call: worker id, max_deliveries,
-- max_payload, chan (done channel prefix), now, stamp (start_clock()), dead, dead_raw.
-- Returns {id, 'run', n, a, r, d, e, rv, tk, cv} or {id, 'skip', reason, cv}. tk is the new
-- delivery's fencing token: finish, retry, progress and lease renewal must present it (finish.lua).
-- A record an acks_late=false run acked (am) and that is still STARTED had its worker die (or freeze)
-- past its lease: it reads as lost (FAILURE, WorkerLostError) and is never run again (at most once).
-- The run path is two commands per task (one HMGET of every field it needs, one HSET): this runs for
-- every task, and each redis.call from Lua costs about a microsecond.

-- Redis's clock as now (ms) and the stamp part of every delivery token started by this call: to the
-- microsecond, fixed width (10 digits of seconds until 2286, then 6 of microseconds), so
-- "<deliveries><stamp>" is unambiguous. All digits: the record's listpack stores it as an 8-byte
-- integer instead of a 19-byte string.
local function start_clock()
  local clock = redis.call('TIME')
  local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
  return now, clock[1] .. string.format('%06d', tonumber(clock[2]))
end

-- A task that ends without running still fails its canvas: a skip carries its canvas record.
local function start_drop(leases, member, id, reason, cv)
  redis.call('ZREM', leases, member)
  return { id, 'skip', reason, cv or '' }
end

local function start_fail(ctx, key, leases, member, id, name, reason, cv)
  finish_final(key, 'FAILURE', 'err', cjson.encode({ name = name, message = reason }), ctx.now, ctx.chan, id, reason)
  redis.call('ZADD', ctx.dead, ctx.now, id)
  return start_drop(leases, member, id, reason, cv)
end

local function start_task(ctx, key, leases, member)
  local _, id = split_member(member)
  local now, dead, dead_raw = ctx.now, ctx.dead, ctx.dead_raw
  -- A key of another type, or a non-integer counter, would make HMGET/HSET raise and abort the
  -- whole batch again at every redelivery (wedging the good tasks in it): bury such records instead.
  -- pcall keeps the check off the happy path (TYPE only when HMGET fails).
  local rec = redis.pcall('HMGET', key, 's', 'n', 'r', 'd', 'e', 'rx', 'rv', 'a', 'am', 'w', 'cv')
  local kind = 'hash'
  if rec.err then
    kind = redis.call('TYPE', key)['ok']
    rec = {}
  end
  local state = rec[1]
  if kind ~= 'hash' then
    bury_raw(dead, dead_raw, now, id, 'task record is a ' .. kind .. ', not a hash', nil)
    return start_drop(leases, member, id, 'corrupt task record (buried as a dead letter)', rec[11])
  elseif not state then
    bury_raw(dead, dead_raw, now, id, 'no task record for this id', nil)
    return start_drop(leases, member, id, 'no task record (buried as a dead letter)', rec[11])
  elseif FINAL[state] then
    return start_drop(leases, member, id, 'already ' .. state, rec[11])
  elseif state == 'STARTED' and rec[9] == '1' then
    local reason = 'worker lost: ' .. tostring(rec[10] or '?') .. ' stopped renewing the lease of this acks_late=false run (not run again: at most once)'
    finish_final(key, 'FAILURE', 'err', cjson.encode({ name = 'WorkerLostError', message = reason }), now, ctx.chan, id, 'worker lost')
    redis.call('ZADD', dead, now, id)
    return start_drop(leases, member, id, reason, rec[11])
  elseif rec[4] and not (#rec[4] <= 18 and string.match(rec[4], '^%-?%d+$')) then
    return start_fail(ctx, key, leases, member, id, 'CorruptTaskError', 'corrupt task record: deliveries counter "' .. string.sub(rec[4], 1, 40) .. '" is not an integer', rec[11])
  end
  local expires = tonumber(rec[5]) or 0
  local deliveries = (tonumber(rec[4]) or 0) + 1
  local size = rec[8] and #rec[8] or 0
  if expires > 0 and expires < now then
    redis.call('HSET', key, 'd', deliveries)
    finish_final(key, 'REVOKED', 'err', '', now, ctx.chan, id, 'expired')
    redis.call('PEXPIRE', key, tonumber(rec[6]) or 86400000)
    return start_drop(leases, member, id, 'expired', rec[11])
  elseif deliveries > ctx.max_deliveries then
    redis.call('HSET', key, 'd', deliveries)
    return start_fail(ctx, key, leases, member, id, 'PoisonTaskError', 'delivered ' .. (deliveries - 1) .. ' times without finishing (poison task: its worker died each time)', rec[11])
  elseif size > ctx.max_payload then
    redis.call('HSET', key, 'd', deliveries)
    return start_fail(ctx, key, leases, member, id, 'PayloadTooLargeError', 'args payload of ' .. size .. ' bytes exceeds the limit of ' .. ctx.max_payload .. ' bytes', rec[11])
  end
  -- Unique per delivery: the deliveries counter restarts at each retry, Redis's clock does not.
  local d = rec[4] and string.format('%d', deliveries) or '1'
  local token = d .. ctx.stamp
  redis.call('HSET', key, 's', 'STARTED', 'st', int_str(now), 'w', ctx.worker, 'd', d, 'tk', token)
  return { id, 'run', rec[2] or '', rec[8] or '', rec[3] or '0', deliveries, rec[5] or '0', rec[7] or '', token, rec[11] or '' }
end
