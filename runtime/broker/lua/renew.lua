-- Push lease deadlines forward, by Redis's clock, for runs that are still the current delivery of
-- their task. A worker that stalled past its lease (the task was delivered again) presents an old
-- token and renews nothing: it cannot keep alive, or resurrect, a lease that is no longer its own.
-- KEYS: per run: record, leases of its queue; ARGV: 1 lease ms, then per run: member, token
-- Returns the ids whose lease is lost (superseded, finished, or already recovered).
-- Keys per run (renewKeys in broker/leases.ts builds them; test/schema.test.ts checks both agree).
local RUN_KEYS = 2
local deadline = now_ms() + tonumber(ARGV[1])
local lost = {}
for i = 1, #KEYS / RUN_KEYS do
  local key, leases = KEYS[(i - 1) * RUN_KEYS + 1], KEYS[(i - 1) * RUN_KEYS + 2]
  local member, token = ARGV[i * 2], ARGV[i * 2 + 1]
  if redis.call('HGET', key, 'tk') == token and redis.call('ZSCORE', leases, member) then
    redis.call('ZADD', leases, 'XX', deadline, member)
  else
    local _, id = split_member(member)
    lost[#lost + 1] = id
  end
end
return lost
