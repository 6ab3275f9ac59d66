-- Turn leased ids into runs: load each record, refuse what must not run, mark the rest STARTED.
-- KEYS: 1 dead, 2 dead_raw, then per task: record, leases of its queue
-- ARGV: 1 worker id, 2 max deliveries, 3 max payload bytes, 4 done channel prefix,
--       then per task: lease member "<p>|<id>"
-- Returns per task either {id, 'run', n, a, r, d, e, rv, tk, cv} or {id, 'skip', reason, cv}. tk is the new
-- delivery's fencing token: finish, retry, progress and lease renewal must present it (finish.lua).
-- A record an acks_late=false run acked (am) and that is still STARTED had its worker die (or freeze)
-- past its lease: it reads as lost (FAILURE, WorkerLostError) and is never run again (at most once).
-- The run path is two commands per task (one HMGET of every field it needs, one HSET): this script
-- runs for every task, and each redis.call from Lua costs about a microsecond.
local clock = redis.call('TIME')
local now, worker = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000), ARGV[1]
local max_deliveries, max_payload, chan = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
-- Part of every delivery token started by this call: Redis's clock to the microsecond, fixed width
-- (10 digits of seconds until 2286, then 6 of microseconds), so "<deliveries><stamp>" is unambiguous.
-- All digits: the record's listpack stores it as an 8-byte integer instead of a 19-byte string.
local stamp = clock[1] .. string.format('%06d', tonumber(clock[2]))
local dead, dead_raw = KEYS[1], KEYS[2]
local out = {}
-- The canvas record of the task at hand, returned with a skip (its canvas must still fail).
local canvas_json
local function drop(leases, member, id, reason)
  redis.call('ZREM', leases, member)
  out[#out + 1] = { id, 'skip', reason, canvas_json or '' }
end
for i = 1, (#KEYS - 2) / 2 do
  local key, leases = KEYS[1 + i * 2], KEYS[2 + i * 2]
  local member = ARGV[4 + i]
  local _, id = split_member(member)
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
  canvas_json = rec[11]
  if kind ~= 'hash' then
    bury_raw(dead, dead_raw, now, id, 'task record is a ' .. kind .. ', not a hash', nil)
    drop(leases, member, id, 'corrupt task record (buried as a dead letter)')
  elseif not state then
    bury_raw(dead, dead_raw, now, id, 'no task record for this id', nil)
    drop(leases, member, id, 'no task record (buried as a dead letter)')
  elseif FINAL[state] then
    drop(leases, member, id, 'already ' .. state)
  elseif state == 'STARTED' and rec[9] == '1' then
    local reason = 'worker lost: ' .. tostring(rec[10] or '?') .. ' stopped renewing the lease of this acks_late=false run (not run again: at most once)'
    finish_final(key, 'FAILURE', 'err', cjson.encode({ name = 'WorkerLostError', message = reason }), now, chan, id, 'worker lost')
    redis.call('ZADD', dead, now, id)
    drop(leases, member, id, reason)
  elseif rec[4] and not (#rec[4] <= 18 and string.match(rec[4], '^%-?%d+$')) then
    local reason = 'corrupt task record: deliveries counter "' .. string.sub(rec[4], 1, 40) .. '" is not an integer'
    finish_final(key, 'FAILURE', 'err', cjson.encode({ name = 'CorruptTaskError', message = reason }), now, chan, id, reason)
    redis.call('ZADD', dead, now, id)
    drop(leases, member, id, reason)
  else
    local expires = tonumber(rec[5]) or 0
    local deliveries = (tonumber(rec[4]) or 0) + 1
    local size = rec[8] and #rec[8] or 0
    if expires > 0 and expires < now then
      redis.call('HSET', key, 'd', deliveries)
      finish_final(key, 'REVOKED', 'err', '', now, chan, id, 'expired')
      redis.call('PEXPIRE', key, tonumber(rec[6]) or 86400000)
      drop(leases, member, id, 'expired')
    elseif deliveries > max_deliveries then
      local reason = 'delivered ' .. (deliveries - 1) .. ' times without finishing (poison task: its worker died each time)'
      redis.call('HSET', key, 'd', deliveries)
      finish_final(key, 'FAILURE', 'err', cjson.encode({ name = 'PoisonTaskError', message = reason }), now, chan, id, reason)
      redis.call('ZADD', dead, now, id)
      drop(leases, member, id, reason)
    elseif size > max_payload then
      local reason = 'args payload of ' .. size .. ' bytes exceeds the limit of ' .. max_payload .. ' bytes'
      redis.call('HSET', key, 'd', deliveries)
      finish_final(key, 'FAILURE', 'err', cjson.encode({ name = 'PayloadTooLargeError', message = reason }), now, chan, id, reason)
      redis.call('ZADD', dead, now, id)
      drop(leases, member, id, reason)
    else
      -- Unique per delivery: the deliveries counter restarts at each retry, Redis's clock does not.
      local d = rec[4] and string.format('%d', deliveries) or '1'
      local token = d .. stamp
      redis.call('HSET', key, 's', 'STARTED', 'st', int_str(now), 'w', worker, 'd', d, 'tk', token)
      out[#out + 1] = { id, 'run', rec[2] or '', rec[8] or '', rec[3] or '0', deliveries, rec[5] or '0', rec[7] or '', token, rec[11] or '' }
    end
  end
end
return out
