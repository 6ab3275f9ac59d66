-- Start leased ids that a claim did not start itself (start_task in start-fn.lua).
-- KEYS: 1 dead, 2 dead_raw, then per task: record, leases of its queue
-- ARGV: 1 worker id, 2 max deliveries, 3 max payload bytes, 4 done channel prefix,
--       then per task: lease member "<p>|<id>"
-- Returns one start_task row per task.
local now, stamp = start_clock()
local ctx = {
  worker = ARGV[1], max_deliveries = tonumber(ARGV[2]), max_payload = tonumber(ARGV[3]), chan = ARGV[4],
  now = now, stamp = stamp, dead = KEYS[1], dead_raw = KEYS[2],
}
local out = {}
for i = 1, (#KEYS - 2) / 2 do
  local key, leases = KEYS[1 + i * 2], KEYS[2 + i * 2]
  out[i] = start_task(ctx, key, leases, ARGV[4 + i])
end
return out
