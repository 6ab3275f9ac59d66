-- Record outcomes of finished runs, each atomically with releasing its lease.
-- KEYS layout is FINISH_KEYS per outcome: record, leases, delayed, stats, dead, signal.
-- ARGV per outcome (5 values): kind, lease member, payload, due ms, retries
--   kind ok      payload = result JSON
--   kind fail    payload = error JSON; goes to the dead-letter store
--   kind retry   payload = error JSON; back to delayed at due with retries
--   kind release payload = ''; back to delayed at due (rate limit, warm shutdown) without counting a delivery
--   kind ack     payload = ''; only drop the lease (acks_late = false acks before running)
local FINISH_KEYS = 6
local function finish(kb, ab, count, now, chan)
  for i = 0, count - 1 do
    local k, a = kb + i * FINISH_KEYS, ab + i * 5
    local key, leases, delayed, stats, dead, signal = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5], KEYS[k + 6]
    local kind, member, payload = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
    local _, id = split_member(member)
    redis.call('ZREM', leases, member)
    local state = redis.call('HGET', key, 's')
    if state and not FINAL[state] and kind ~= 'ack' then
      if kind == 'ok' then
        if redis.call('HGET', key, 'rv') == 'terminate' then
          finish_final(key, 'REVOKED', 'res', payload, now, chan, id, 'terminated')
        else
          finish_final(key, 'SUCCESS', 'res', payload, now, chan, id, nil)
        end
        redis.call('HDEL', key, 'err')
        redis.call('PEXPIRE', key, tonumber(redis.call('HGET', key, 'rx')) or 86400000)
        redis.call('HINCRBY', stats, minute_field(now, 'ok'), 1)
      elseif kind == 'fail' then
        local why = payload
        local ok, decoded = pcall(cjson.decode, payload)
        if ok and type(decoded) == 'table' and decoded.message then why = tostring(decoded.name) .. ': ' .. tostring(decoded.message) end
        if redis.call('HGET', key, 'rv') == 'terminate' then
          finish_final(key, 'REVOKED', 'err', payload, now, chan, id, 'terminated')
          redis.call('PEXPIRE', key, tonumber(redis.call('HGET', key, 'rx')) or 86400000)
        else
          finish_final(key, 'FAILURE', 'err', payload, now, chan, id, string.sub(why, 1, 1000))
          redis.call('ZADD', dead, now, id)
        end
        redis.call('HINCRBY', stats, minute_field(now, 'fail'), 1)
      elseif kind == 'retry' then
        local due = tonumber(ARGV[a + 4])
        -- A retry is a new run: its deliveries (crash redeliveries, for poison detection) start over.
        redis.call('HSET', key, 's', 'RETRY', 'err', payload, 'r', ARGV[a + 5], 'eta', due, 'd', 0)
        redis.call('ZADD', delayed, due, member)
        redis.call('HINCRBY', stats, minute_field(now, 'retry'), 1)
        -- An idle worker may be asleep until a later due time: wake one to re-plan its wait.
        if redis.call('LLEN', signal) == 0 then redis.call('LPUSH', signal, '1') end
      elseif kind == 'release' then
        local retries = tonumber(redis.call('HGET', key, 'r')) or 0
        redis.call('HSET', key, 's', retries > 0 and 'RETRY' or 'PENDING')
        redis.call('HINCRBY', key, 'd', -1)
        redis.call('ZADD', delayed, tonumber(ARGV[a + 4]), member)
        if redis.call('LLEN', signal) == 0 then redis.call('LPUSH', signal, '1') end
      end
    end
  end
end
