-- Shared functions, prepended to every entry script. Task record fields (HASH t:<id>):
-- n task name, a args JSON, q queue, p priority, s state, r retries, d deliveries, c created ms,
-- eta due ms, e expires-at ms (r, d, eta and e read as 0 when absent, p as 5), rx result ttl ms (absent: 86400000),
-- st/ft started/finished ms,
-- w worker id, res result JSON, err error JSON, pg progress JSON, why reason (revoked or dead), rv revoke flag,
-- tk the current delivery's fencing token, am '1' once an acks_late=false run was acked (at most once),
-- canvas: cv what its outcome sends next (JSON), pa parent id, pf an upstream failure (JSON), g group id,
-- ck the chord it calls back, ir '1' when its result is not kept. (runtime/keys/task-record.ts owns
-- these names; test/schema.test.ts checks the scripts against it.)

local FINAL = { SUCCESS = true, FAILURE = true, REVOKED = true }

-- Redis's clock in epoch ms: the one clock every process agrees on. Callers' clocks may be off by
-- any amount; no lease, due time, expiry or rate decision uses them. (Redis 7 replicates scripts by
-- their effects, so reading TIME before writing is allowed.)
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- "<p>|<id>" -> p, id. Anything else is treated as an id at priority 0 so that it surfaces as a
-- dead letter instead of staying stuck in a structure forever.
local function split_member(member)
  local bar = string.find(member, '|', 1, true)
  if bar and bar == 2 then
    local p = tonumber(string.sub(member, 1, 1))
    if p then return p, string.sub(member, 3) end
  end
  return 0, member
end

-- ensure_type for the ready lists KEYS[b + 1 + p] that members "<p>|<id>" are about to be pushed to.
local function ensure_ready_lists(b, members)
  local seen = {}
  for _, m in ipairs(members) do
    local p = split_member(m)
    if not seen[p] then
      seen[p] = true
      ensure_type(KEYS[b + 1 + p], 'list')
    end
  end
end

-- A plausible task id; anything else found in a queue is garbage to bury, never a key to build.
local function valid_id(id)
  return #id > 0 and #id <= 200 and not string.find(id, '[^%w%-_:.]')
end

local function bury_raw(dead, dead_raw, now, raw, reason, queue)
  ensure_type(dead, 'zset')
  ensure_type(dead_raw, 'hash')
  local ref = 'raw:' .. redis.sha1hex(raw)
  local shown = raw
  if #shown > 4096 then shown = string.sub(shown, 1, 4096) end
  redis.call('HSET', dead_raw, ref, cjson.encode({ raw = shown, size = #raw, reason = reason, queue = queue, at = now }))
  redis.call('ZADD', dead, now, ref)
end

local function minute_field(now, kind)
  return tostring(math.floor(now / 60000)) .. ':' .. kind
end

-- A time in ms as the string Redis would store, formatted once per value: a script writes the same
-- `now` into every record it touches, and each number a redis.call is given is formatted with a
-- floating-point printf; '%d' is an integer one. (The memory broker's fengari has 32-bit integers,
-- where '%d' of a time fails: it gets tostring, which it prints as Lua 5.1 does. A fractional value
-- stays a number.)
local int_n, int_s
local function int_str(n)
  if n ~= int_n then
    int_n, int_s = n, n
    if n == math.floor(n) then
      local ok, s = pcall(string.format, '%d', n)
      int_s = ok and s or tostring(n)
    end
  end
  return int_s
end

local function finish_final(key, state, field, payload, now, channel_prefix, id, why)
  if why then
    redis.call('HSET', key, 's', state, field, payload, 'ft', int_str(now), 'why', why)
  else
    redis.call('HSET', key, 's', state, field, payload, 'ft', int_str(now))
  end
  redis.call('PUBLISH', channel_prefix .. id, state)
end
