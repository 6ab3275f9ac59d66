-- Finish a batch and claim the next one in one round trip (the worker's hot path when saturated).
-- KEYS: the finish layout (see finish.lua), then claim keys (CLAIM_KEYS per queue), dead, dead_raw,
--       canvas outbox
-- ARGV: 1 done channel prefix, 2 want, 3 lease ms, 4 promote limit, 5 queue count,
--       then queue names, then outbox grace ms, then the finish layout
-- Returns {claim reply, ids of refused (superseded) outcomes, deferred canvas outbox entries,
-- 1 if the outbox holds stale entries else 0}.
local nq = tonumber(ARGV[5])
local now = now_ms()
local queues = {}
for i = 1, nq do queues[i] = ARGV[5 + i] end
local kb, refused, deferred = finish(0, 6 + nq, now, ARGV[1])
local out, stale = claim(kb, nq, now, tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]),
  KEYS[kb + nq * CLAIM_KEYS + 1], KEYS[kb + nq * CLAIM_KEYS + 2], queues, KEYS[kb + nq * CLAIM_KEYS + 3],
  tonumber(ARGV[6 + nq]))
return { out, refused, deferred, stale }
