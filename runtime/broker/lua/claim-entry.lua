-- KEYS: claim keys (CLAIM_KEYS per queue), dead, dead_raw
-- ARGV: 1 want, 2 lease ms, 3 promote limit, 4 queue count, then queue names
local nq = tonumber(ARGV[4])
local queues = {}
for i = 1, nq do queues[i] = ARGV[4 + i] end
return claim(0, nq, now_ms(), tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]),
  KEYS[nq * CLAIM_KEYS + 1], KEYS[nq * CLAIM_KEYS + 2], queues)
