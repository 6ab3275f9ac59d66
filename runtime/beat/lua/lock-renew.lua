-- Extends the leader lock, only while we still hold it (the token matches).
-- KEYS: 1 lock; ARGV: 1 token, 2 ttl ms. Returns 1 renewed, 0 lost.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
