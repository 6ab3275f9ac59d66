-- Enqueue a batch of tasks of one queue, priority, task name and timing; existing ids are left
-- alone (idempotent). What the batch shares travels once, so each task costs two ARGV values.
-- Relative times (countdown, expires as a duration) count from Redis's clock, not the caller's;
-- absolute ones (an eta or expires given as a date) are the caller's statement and stay.
-- KEYS: 1 ready list, 2 delayed, 3 signal, 4 recent, 5.. task records (one per task)
-- ARGV: 1 queue, 2 priority, 3 recent cap, 4 task name, 5 eta ms (0 none), 6 countdown ms ('' none),
--       7 expires-at ms (0 none), 8 expires-in ms ('' none), 9 result ttl, then 2 per task: id, args
local now, queue, prio = now_ms(), ARGV[1], ARGV[2]
local name, eta, expires_at, result_ttl, delayed = ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[7]), ARGV[9], KEYS[2]
if ARGV[6] ~= '' then eta = math.max(eta, now + tonumber(ARGV[6])) end
if ARGV[8] ~= '' then expires_at = now + tonumber(ARGV[8]) end
local out, ready, recent = {}, {}, {}
-- The batch goes into one of these, after its records are written: refuse before writing them.
if tonumber(eta) > now then ensure_type(delayed, 'zset') else ensure_type(KEYS[1], 'list') end
for i = 1, #KEYS - 4 do
  local id = ARGV[8 + i * 2]
  local written = enqueue_one(KEYS[4 + i], id, name, ARGV[9 + i * 2], queue, prio, eta, expires_at, result_ttl, now, delayed)
  if written == 1 then ready[#ready + 1] = id end
  if written > 0 then
    recent[#recent + 1] = now
    recent[#recent + 1] = id
  end
  out[i] = written > 0 and 1 or 0
end
if #ready > 0 then redis.call('LPUSH', KEYS[1], unpack(ready)) end
index_and_wake(KEYS[4], KEYS[3], recent, tonumber(ARGV[3]))
return out
