-- Finish a batch and claim the next one in one round trip (the worker's hot path when saturated).
-- KEYS: the finish layout (see finish.lua), then claim keys (CLAIM_KEYS per queue), dead, dead_raw
-- ARGV: 1 now, 2 done channel prefix, 3 want, 4 lease ms, 5 promote limit, 6 queue count,
--       then queue names, then the finish layout
local nq = tonumber(ARGV[6])
local now = tonumber(ARGV[1])
local queues = {}
for i = 1, nq do queues[i] = ARGV[6 + i] end
local kb = finish(0, 6 + nq, now, ARGV[2])
return claim(kb, nq, now, tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]),
  KEYS[kb + nq * CLAIM_KEYS + 1], KEYS[kb + nq * CLAIM_KEYS + 2], queues)
