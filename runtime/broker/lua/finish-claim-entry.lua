-- Finish a batch and claim the next one in one round trip (the worker's hot path when saturated).
-- KEYS: the finish layout (see finish.lua), then claim keys (CLAIM_KEYS per queue), dead, dead_raw,
--       canvas outbox, then the records of the ids to start (claim_starts)
-- ARGV: 1 done channel prefix, 2 want, 3 lease ms, 4 promote limit, 5 queue count,
--       then queue names, then outbox grace ms, then the ids to start (claim_starts), then the finish
--       layout
-- Returns {claim reply, ids of refused (superseded) outcomes, deferred canvas outbox entries,
-- 1 if the outbox holds stale entries else 0, start rows, wait when short}.
local nq = tonumber(ARGV[5])
local now, stamp = start_clock()
local queues = {}
for i = 1, nq do queues[i] = ARGV[5 + i] end
local kb, refused, deferred = finish(0, 6 + nq + claim_starts_span(7 + nq), now, ARGV[1])
local kc = kb + nq * CLAIM_KEYS
local dead, dead_raw = KEYS[kc + 1], KEYS[kc + 2]
local out, stale, started, wait = claim(kb, nq, now, tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]),
  dead, dead_raw, queues, KEYS[kc + 3], tonumber(ARGV[6 + nq]), claim_starts(7 + nq, kc + 3, now, stamp, dead, dead_raw))
return { out, refused, deferred, stale, started, wait }
