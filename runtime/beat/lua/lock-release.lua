-- Releases the leader lock, only if we hold it, so a stale beat cannot free a successor's lock.
-- Announces the release so followers try for the lock at once instead of at their next retry.
-- KEYS: 1 lock; ARGV: 1 token, 2 pub/sub channel. Returns 1 released, 0 not ours.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[2], '')
return 1
