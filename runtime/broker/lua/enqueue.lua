-- Enqueue a batch of tasks for one queue and one priority; existing ids are left alone (idempotent).
-- KEYS: 1 ready list, 2 delayed, 3 signal, 4 recent, 5.. task records (one per task)
-- ARGV: 1 now, 2 queue, 3 priority, 4 recent cap, then 6 per task: id, name, args, eta, expires-at, result ttl
local now = tonumber(ARGV[1])
local queue, prio = ARGV[2], ARGV[3]
local out, ready, recent = {}, {}, {}
local woke = false
for i = 1, #KEYS - 4 do
  local key = KEYS[4 + i]
  local b = 4 + (i - 1) * 6
  local id = ARGV[b + 1]
  if redis.call('EXISTS', key) == 1 then
    out[i] = 0
  else
    local eta = tonumber(ARGV[b + 4])
    redis.call('HSET', key, 'n', ARGV[b + 2], 'a', ARGV[b + 3], 'q', queue, 'p', prio, 's', 'PENDING',
      'r', 0, 'd', 0, 'c', now, 'eta', eta, 'e', ARGV[b + 5], 'rx', ARGV[b + 6])
    if eta > now then
      redis.call('ZADD', KEYS[2], eta, prio .. '|' .. id)
    else
      ready[#ready + 1] = id
    end
    recent[#recent + 1] = now
    recent[#recent + 1] = id
    out[i] = 1
  end
end
if #ready > 0 then redis.call('LPUSH', KEYS[1], unpack(ready)) end
if #recent > 0 then
  redis.call('ZADD', KEYS[4], unpack(recent))
  local cap = tonumber(ARGV[4])
  if cap > 0 then redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(cap + 1)) end
  -- Wake one idle worker; it re-signals while work remains, so a burst wakes them all in turn.
  if redis.call('LLEN', KEYS[3]) == 0 then redis.call('LPUSH', KEYS[3], '1') end
end
return out
