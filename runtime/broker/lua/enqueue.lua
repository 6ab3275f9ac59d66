-- Enqueue a batch of tasks of one queue, priority, task name and timing; existing ids are left
-- alone (idempotent). What the batch shares travels once, so each task costs two ARGV values.
-- Relative times (countdown, expires as a duration) count from Redis's clock, not the caller's;
-- absolute ones (an eta or expires given as a date) are the caller's statement and stay.
-- KEYS: 1 ready list, 2 delayed, 3 signal, 4 recent, 5.. task records (one per task)
-- ARGV: 1 queue, 2 priority, 3 recent cap, 4 task name, 5 eta ms (0 none), 6 countdown ms ('' none),
--       7 expires-at ms (0 none), 8 expires-in ms ('' none), 9 result ttl, then 2 per task: id, args
-- Returns one character per task: '1' written, '0' the id existed.
-- This runs for every enqueue: the common case (due now, no expiry, priority 5, the default result
-- ttl) compares ARGV strings instead of converting them, and writes Redis's clock as the string
-- TIME gave (a Lua number would be formatted with printf at each use).
local clock = redis.call('TIME')
local usec = clock[2]
local now = clock[1] .. string.sub(string.rep('0', 6 - #usec) .. usec, 1, 3)
local queue, prio, name = ARGV[1], ARGV[2], ARGV[4]
local due, expires_at, delayed = 0, 0, false
if ARGV[5] ~= '0' or ARGV[6] ~= '' or ARGV[7] ~= '0' or ARGV[8] ~= '' then
  local now_n = tonumber(now)
  due, expires_at = tonumber(ARGV[5]), tonumber(ARGV[7])
  if ARGV[6] ~= '' then due = math.max(due, now_n + tonumber(ARGV[6])) end
  if ARGV[8] ~= '' then expires_at = now_n + tonumber(ARGV[8]) end
  delayed = due > now_n
end
local n = #KEYS - 4
-- One task (every delay() call): the same steps without the batch's tables.
if n == 1 and not delayed then
  local key, id = KEYS[5], ARGV[10]
  if redis.call('EXISTS', key) == 1 then return '0' end
  redis.call('LPUSH', KEYS[1], id)
  if prio == '5' and ARGV[9] == '86400000' and due == 0 and expires_at == 0 then
    redis.call('HSET', key, 'n', name, 'a', ARGV[11], 'q', queue, 's', 'PENDING', 'c', now)
  else
    write_record(key, name, ARGV[11], queue, tonumber(prio), tonumber(ARGV[9]), due, expires_at, now)
  end
  index_and_wake(KEYS[4], KEYS[3], { now, id }, tonumber(ARGV[3]))
  return '1'
end
local out, fresh = {}, {}
-- The same id twice in one batch (a taskId given to delayMany) is written once.
local seen = n > 1 and {} or nil
for i = 1, n do
  local key = KEYS[4 + i]
  if redis.call('EXISTS', key) == 1 or (seen and seen[key]) then
    out[i] = '0'
  else
    out[i] = '1'
    fresh[#fresh + 1] = i
    if seen then seen[key] = true end
  end
end
if #fresh == 0 then return table.concat(out) end
-- Queue the new ids first: a ready list or delayed set of the wrong type raises here, before any
-- record is written (so nothing is left written but not queued); the caller quarantines the key
-- and runs this again. That takes the place of a TYPE check.
local members = {}
if delayed then
  for j, i in ipairs(fresh) do
    members[j * 2 - 1] = due
    members[j * 2] = prio .. '|' .. ARGV[8 + i * 2]
  end
  redis.call('ZADD', KEYS[2], unpack(members))
else
  for j, i in ipairs(fresh) do members[j] = ARGV[8 + i * 2] end
  redis.call('LPUSH', KEYS[1], unpack(members))
end
local recent = {}
local plain = prio == '5' and ARGV[9] == '86400000' and due == 0 and expires_at == 0
local p, ttl = tonumber(prio), tonumber(ARGV[9])
for j, i in ipairs(fresh) do
  local key = KEYS[4 + i]
  if plain then
    redis.call('HSET', key, 'n', name, 'a', ARGV[9 + i * 2], 'q', queue, 's', 'PENDING', 'c', now)
  else
    write_record(key, name, ARGV[9 + i * 2], queue, p, ttl, due, expires_at, now)
  end
  recent[j * 2 - 1] = now
  recent[j * 2] = ARGV[8 + i * 2]
end
index_and_wake(KEYS[4], KEYS[3], recent, tonumber(ARGV[3]))
return table.concat(out)
