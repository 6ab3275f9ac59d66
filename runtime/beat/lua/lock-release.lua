-- Releases the leader lock, only if we hold it, so a stale beat cannot free a successor's lock.
-- KEYS: 1 lock; ARGV: 1 token. Returns 1 released, 0 not ours.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
