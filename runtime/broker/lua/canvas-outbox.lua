-- One slot's canvas outbox (keyspace.ts canvasOutbox): a ZSET of entries scored by when they were
-- written or last taken. KEYS: 1 outbox. ARGV: 1 op, then
--   put   entries to write, scored now (a client's canvas send that spans slots, before any of it)
--   take  grace ms, limit: up to limit entries written or taken at least grace ms ago, re-scored now so
--         other sweepers leave them alone for another grace; returns them
--   done  entries applied in every slot: removed
--   bury  entry, reason: an entry that is not one (KEYS 2 dead, 3 dead_raw): moved to the dead letters
local op, outbox = ARGV[1], KEYS[1]
ensure_type(outbox, 'zset')
local now = now_ms()
if op == 'put' then
  for i = 2, #ARGV do redis.call('ZADD', outbox, now, ARGV[i]) end
  return #ARGV - 1
elseif op == 'take' then
  local due = redis.call('ZRANGEBYSCORE', outbox, '-inf', now - tonumber(ARGV[2]), 'LIMIT', 0, tonumber(ARGV[3]))
  for _, entry in ipairs(due) do redis.call('ZADD', outbox, 'XX', now, entry) end
  return due
elseif op == 'done' then
  local removed = 0
  for i = 2, #ARGV do removed = removed + redis.call('ZREM', outbox, ARGV[i]) end
  return removed
elseif op == 'bury' then
  bury_raw(KEYS[2], KEYS[3], now, ARGV[2], ARGV[3], nil)
  return redis.call('ZREM', outbox, ARGV[2])
end
return redis.error_reply('canvas-outbox: unknown op ' .. tostring(op))
