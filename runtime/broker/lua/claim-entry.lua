-- KEYS: claim keys (CLAIM_KEYS per queue), dead, dead_raw
-- ARGV: 1 now, 2 want, 3 lease ms, 4 promote limit, 5 queue count, then queue names
local nq = tonumber(ARGV[5])
local queues = {}
for i = 1, nq do queues[i] = ARGV[5 + i] end
return claim(0, nq, tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]),
  KEYS[nq * CLAIM_KEYS + 1], KEYS[nq * CLAIM_KEYS + 2], queues)
