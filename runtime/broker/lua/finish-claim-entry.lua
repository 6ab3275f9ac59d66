-- Finish a batch and claim the next one in one round trip (the worker's hot path when saturated).
-- KEYS: the finish layout (see finish.lua), then claim keys (CLAIM_KEYS per queue), dead, dead_raw
-- ARGV: 1 done channel prefix, 2 want, 3 lease ms, 4 promote limit, 5 queue count,
--       then queue names, then the finish layout
-- Returns {claim reply, ids of refused (superseded) outcomes}.
local nq = tonumber(ARGV[5])
local now = now_ms()
local queues = {}
for i = 1, nq do queues[i] = ARGV[5 + i] end
local kb, refused = finish(0, 5 + nq, now, ARGV[1])
return { claim(kb, nq, now, tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]),
  KEYS[kb + nq * CLAIM_KEYS + 1], KEYS[kb + nq * CLAIM_KEYS + 2], queues), refused }
