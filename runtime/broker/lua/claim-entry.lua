-- KEYS: claim keys (CLAIM_KEYS per queue), dead, dead_raw, canvas outbox, then the records of the ids
--       to start (claim_starts)
-- ARGV: 1 want, 2 lease ms, 3 promote limit, 4 queue count, then queue names, then outbox grace ms,
--       then the ids to start (claim_starts)
-- Returns {claim reply, 1 if the outbox holds stale entries else 0, start rows, wait when short}.
local nq = tonumber(ARGV[4])
local queues = {}
for i = 1, nq do queues[i] = ARGV[4 + i] end
local now, stamp = start_clock()
local kc = nq * CLAIM_KEYS
local dead, dead_raw = KEYS[kc + 1], KEYS[kc + 2]
local out, stale, started, wait = claim(0, nq, now, tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]),
  dead, dead_raw, queues, KEYS[kc + 3], tonumber(ARGV[5 + nq]), claim_starts(6 + nq, kc + 3, now, stamp, dead, dead_raw))
return { out, stale, started, wait }
