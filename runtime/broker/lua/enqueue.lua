-- Enqueue a batch of tasks of one queue, priority, task name and timing; existing ids are left
-- alone (idempotent). What the batch shares travels once, so each task costs two ARGV values.
-- KEYS: 1 ready list, 2 delayed, 3 signal, 4 recent, 5.. task records (one per task)
-- ARGV: 1 now, 2 queue, 3 priority, 4 recent cap, 5 task name, 6 eta, 7 expires-at, 8 result ttl,
--       then 2 per task: id, args
local now, queue, prio = tonumber(ARGV[1]), ARGV[2], ARGV[3]
local name, eta, expires_at, result_ttl, delayed = ARGV[5], ARGV[6], ARGV[7], ARGV[8], KEYS[2]
local out, ready, recent = {}, {}, {}
-- The batch goes into one of these, after its records are written: refuse before writing them.
if tonumber(eta) > now then ensure_type(delayed, 'zset') else ensure_type(KEYS[1], 'list') end
for i = 1, #KEYS - 4 do
  local id = ARGV[7 + i * 2]
  local written = enqueue_one(KEYS[4 + i], id, name, ARGV[8 + i * 2], queue, prio, eta, expires_at, result_ttl, now, delayed)
  if written == 1 then ready[#ready + 1] = id end
  if written > 0 then
    recent[#recent + 1] = now
    recent[#recent + 1] = id
  end
  out[i] = written > 0 and 1 or 0
end
if #ready > 0 then redis.call('LPUSH', KEYS[1], unpack(ready)) end
index_and_wake(KEYS[4], KEYS[3], recent, tonumber(ARGV[4]))
return out
