-- Moves keys of the wrong type out of the runtime's way: each suspect whose TYPE is neither the
-- expected one nor none is RENAMEd to its quarantine name (same hash tag) and recorded as a dead
-- letter `quarantine:<sha1 of the new name>` with the reason. Suspects 1 and 2 are always the dead
-- set and the dead-payload hash, so those are fixed before anything is recorded in them.
-- KEYS: n suspects, then their n quarantine names (declared, since RENAME writes them)
-- ARGV: 1 now, 2 context (what failed), then 3 per suspect: expected type, description, queue ('' for none)
-- Returns a flat list {key, found type, quarantine name, ...} of what was moved.
local now, context = tonumber(ARGV[1]), ARGV[2]
local n = #KEYS / 2
local moved, out = {}, {}
for i = 1, n do
  local a = 3 + (i - 1) * 3
  local found = redis.call('TYPE', KEYS[i])['ok']
  if found ~= ARGV[a] and found ~= 'none' then
    redis.call('RENAME', KEYS[i], KEYS[n + i])
    moved[#moved + 1] = { key = KEYS[i], found = found, expected = ARGV[a], what = ARGV[a + 1], queue = ARGV[a + 2], to = KEYS[n + i] }
    out[#out + 1] = KEYS[i]
    out[#out + 1] = found
    out[#out + 1] = KEYS[n + i]
  end
end
for _, m in ipairs(moved) do
  local ref = 'quarantine:' .. redis.sha1hex(m.to)
  local reason = 'wrong-type key: the ' .. m.what .. ' was a ' .. m.found .. ', not a ' .. m.expected ..
    ' (found by ' .. context .. '); moved aside to ' .. m.to
  redis.call('HSET', KEYS[2], ref, cjson.encode({ raw = m.key, size = #m.key, reason = reason, key = m.key,
    quarantined = m.to, found = m.found, expected = m.expected, queue = m.queue ~= '' and m.queue or nil, at = now }))
  redis.call('ZADD', KEYS[1], now, ref)
end
return out
