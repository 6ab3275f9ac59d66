-- Finish a batch and claim the next one in one round trip (the worker's hot path when saturated).
-- KEYS: finish keys (FINISH_KEYS per outcome), claim keys (CLAIM_KEYS per queue), dead, dead_raw
-- ARGV: 1 now, 2 done channel prefix, 3 outcome count, 4 want, 5 lease ms, 6 promote limit,
--       7 queue count, then queue names, then 5 per outcome
local count, nq = tonumber(ARGV[3]), tonumber(ARGV[7])
local now = tonumber(ARGV[1])
local queues = {}
for i = 1, nq do queues[i] = ARGV[7 + i] end
finish(0, 7 + nq, count, now, ARGV[2])
local kb = count * FINISH_KEYS
return claim(kb, nq, now, tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]),
  KEYS[kb + nq * CLAIM_KEYS + 1], KEYS[kb + nq * CLAIM_KEYS + 2], queues)
