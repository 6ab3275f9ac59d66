-- Record outcomes of finished runs, each atomically with releasing its lease.
-- KEYS layout is FINISH_KEYS per outcome: record, leases, delayed, stats, dead, signal.
-- ARGV per outcome (5 values): kind, lease member, payload, due ms, retries
--   kind ok      payload = result JSON
--   kind fail    payload = error JSON; goes to the dead-letter store
--   kind retry   payload = error JSON; back to delayed at due with retries
--   kind release payload = ''; back to delayed at due (rate limit, warm shutdown) without counting a delivery
--   kind ack     payload = ''; only drop the lease (acks_late = false acks before running)
-- Per-queue writes (lease ZREM, minute counters) are gathered and issued once per call: a batch of
-- 50 outcomes costs 4 commands per task instead of 9.
local FINISH_KEYS = 6
local function finish(kb, ab, count, now, chan)
  local unlease, unlease_keys = {}, {}
  local counters, counter_keys = {}, {}
  local function bump(stats, field)
    local c = counters[stats]
    if not c then
      c = {}
      counters[stats] = c
      counter_keys[#counter_keys + 1] = stats
    end
    c[field] = (c[field] or 0) + 1
  end
  for i = 0, count - 1 do
    local k, a = kb + i * FINISH_KEYS, ab + i * 5
    local key, leases, delayed, stats, dead, signal = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5], KEYS[k + 6]
    local kind, member, payload = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
    local _, id = split_member(member)
    local z = unlease[leases]
    if not z then
      z = {}
      unlease[leases] = z
      unlease_keys[#unlease_keys + 1] = leases
    end
    z[#z + 1] = member
    local rec = redis.call('HMGET', key, 's', 'rv', 'rx', 'err', 'r')
    local state = rec[1]
    if state and not FINAL[state] and kind ~= 'ack' then
      local ttl = tonumber(rec[3]) or 86400000
      if kind == 'ok' then
        if rec[2] == 'terminate' then
          finish_final(key, 'REVOKED', 'res', payload, now, chan, id, 'terminated')
        else
          finish_final(key, 'SUCCESS', 'res', payload, now, chan, id, nil)
        end
        if rec[4] then redis.call('HDEL', key, 'err') end
        redis.call('PEXPIRE', key, ttl)
        bump(stats, minute_field(now, 'ok'))
      elseif kind == 'fail' then
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
        bump(stats, minute_field(now, 'fail'))
      elseif kind == 'retry' then
        local due = tonumber(ARGV[a + 4])
        -- A retry is a new run: its deliveries (crash redeliveries, for poison detection) start over.
        redis.call('HSET', key, 's', 'RETRY', 'err', payload, 'r', ARGV[a + 5], 'eta', due, 'd', 0)
        redis.call('ZADD', delayed, due, member)
        bump(stats, minute_field(now, 'retry'))
        -- An idle worker may be asleep until a later due time: wake one to re-plan its wait.
        if redis.call('LLEN', signal) == 0 then redis.call('LPUSH', signal, '1') end
      elseif kind == 'release' then
        local retries = tonumber(rec[5]) or 0
        redis.call('HSET', key, 's', retries > 0 and 'RETRY' or 'PENDING')
        redis.call('HINCRBY', key, 'd', -1)
        redis.call('ZADD', delayed, tonumber(ARGV[a + 4]), member)
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
    for field, n in pairs(counters[stats]) do redis.call('HINCRBY', stats, field, n) end
  end
end
