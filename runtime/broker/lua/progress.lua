-- Store progress only on a record that still exists and runs (never re-create a forgotten one).
-- KEYS: 1 record; ARGV: 1 progress JSON
if redis.call('HGET', KEYS[1], 's') == 'STARTED' then
  redis.call('HSET', KEYS[1], 'pg', ARGV[1])
  return 1
end
return 0
