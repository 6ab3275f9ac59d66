-- KEYS: claim keys (CLAIM_KEYS per queue), dead, dead_raw, canvas outbox
-- ARGV: 1 want, 2 lease ms, 3 promote limit, 4 queue count, then queue names, then outbox grace ms
-- Returns {claim reply, 1 if the outbox holds stale entries else 0}.
local nq = tonumber(ARGV[4])
local queues = {}
for i = 1, nq do queues[i] = ARGV[4 + i] end
local out, stale = claim(0, nq, now_ms(), tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]),
  KEYS[nq * CLAIM_KEYS + 1], KEYS[nq * CLAIM_KEYS + 2], queues, KEYS[nq * CLAIM_KEYS + 3], tonumber(ARGV[5 + nq]))
return { out, stale }
