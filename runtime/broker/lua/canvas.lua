-- Canvas (chain, group, chord, link): what a task's success or failure sets off, advanced in the same
-- script that records the outcome. A task record's field cv holds its canvas record (JSON):
--   nx  envelopes sent on success, each receiving this task's result
--   ch  chord membership { k = chord id, i = header index, cb = [[id, queue, prio], ...] }
--   df  doomed on failure: [{ i = result id, c = chord id or nil }] (a failure stops what follows)
--   ne  envelopes sent on failure (link_error), each receiving { taskId, error }
-- An envelope: { i id, n name, q queue, p prio, rx result ttl, a args JSON (nil: the input is the whole
-- args; with k, a JSON-quoted field name, the input is merged under it), cd countdown ms, ei expires-in
-- ms, cv its own canvas record (a table), g group id, c chord id (header or callback) }.
-- Keys come from the caller, in the order canvas_keys() in runtime/canvas/keys.ts lists them; every
-- envelope's keys are: record, ready list of its priority, delayed, signal.
local CANVAS_RECENT_CAP = 10000

-- Effects this call wrote to an outbox (canvas_defer), returned so the caller applies them at once.
local DEFERRED = {}

-- Defers a canvas effect whose keys lie in other slots: one outbox entry (JSON, see
-- runtime/canvas/outbox-entry.ts) { o = 'ok'|'fail', i = id, n = name, r = payload JSON as a string,
-- x = result ttl, cv = the canvas record to apply }, scored by now. cv_json must decode to a table.
local function canvas_defer(outbox, kind, id, name, payload, ttl, cv_json, now)
  local entry = '{"o":"' .. kind .. '","i":' .. cjson.encode(id) .. ',"n":' .. cjson.encode(name) .. ',"r":'
    .. cjson.encode(payload) .. ',"x":' .. string.format('%d', ttl) .. ',"cv":' .. cv_json .. '}'
  ensure_type(outbox, 'zset')
  redis.call('ZADD', outbox, now, entry)
  DEFERRED[#DEFERRED + 1] = entry
end

-- Writes one envelope as a task record and queues it (idempotent: an existing id is left alone).
local function canvas_send(env, input, parent, recent, kc, now)
  local key, ready, delayed, signal = KEYS[kc], KEYS[kc + 1], KEYS[kc + 2], KEYS[kc + 3]
  local args = env.a
  if input ~= nil then
    if type(args) ~= 'string' then
      args = input
    elseif type(env.k) == 'string' then
      if args == '{}' then args = '{' .. env.k .. ':' .. input .. '}'
      else args = string.sub(args, 1, -2) .. ',' .. env.k .. ':' .. input .. '}' end
    end
  end
  local eta, expires = 0, 0
  if tonumber(env.cd) and tonumber(env.cd) > 0 then eta = now + tonumber(env.cd) end
  if tonumber(env.ei) and tonumber(env.ei) > 0 then expires = now + tonumber(env.ei) end
  local prio = tonumber(env.p) or 5
  local written = enqueue_one(key, env.i, env.n, args, env.q, prio, eta, expires, tonumber(env.rx) or 86400000, now, delayed)
  if written == 0 then return end
  if parent then redis.call('HSET', key, 'pa', parent) end
  if type(env.cv) == 'table' then redis.call('HSET', key, 'cv', cjson.encode(env.cv)) end
  if type(env.g) == 'string' then redis.call('HSET', key, 'g', env.g) end
  if type(env.c) == 'string' then redis.call('HSET', key, 'ck', env.c) end
  if type(env.ir) == 'string' then redis.call('HSET', key, 'ir', '1') end
  if written == 1 then redis.call('LPUSH', ready, env.i) end
  index_and_wake(recent, signal, { now, env.i }, CANVAS_RECENT_CAP)
end

local function list(t)
  if type(t) ~= 'table' then return {} end
  return t
end

-- Marks a result the failure dooms: it keeps no state (never started) and reads as failed.
local function canvas_doom(key, target, failed_id, failed_name, err_json, ttl, chan)
  -- A key of another type there is garbage: leave it (an error here would wedge the whole finish).
  local kind = redis.call('TYPE', key)['ok']
  if kind ~= 'none' and kind ~= 'hash' then return end
  if redis.call('HEXISTS', key, 'pf') == 1 or redis.call('HEXISTS', key, 's') == 1 then return end
  local chord = 'null'
  if type(target.c) == 'string' then chord = cjson.encode(target.c) end
  redis.call('HSET', key, 'pf', '{"id":' .. cjson.encode(failed_id) .. ',"task":' .. cjson.encode(failed_name)
    .. ',"chord":' .. chord .. ',"error":' .. err_json .. '}')
  redis.call('PEXPIRE', key, ttl)
  redis.call('PUBLISH', chan .. target.i, 'FAILURE')
end

-- A chord record that cannot be used: buried as raw garbage with the reason, its callback doomed.
local function canvas_bad_chord(cv, ck, dead, dead_raw, now, reason)
  local raw = redis.call('TYPE', ck)['ok']
  if raw == 'hash' then raw = cjson.encode(redis.call('HGETALL', ck)) end
  bury_raw(dead, dead_raw, now, ck .. ' ' .. raw, 'garbage chord record: ' .. reason, nil)
  return '{"name":"CanvasRecordError","message":' .. cjson.encode('chord ' .. tostring(cv.ch.k) .. ': ' .. reason) .. '}'
end

-- After a SUCCESS: send the successors, count a chord header and fire the callback once all are in.
-- A chord record that is garbage dooms the callback with the reason (the header itself succeeded).
-- With relay_at (a KEYS index: this slot's outbox), the callbacks and doomed results live in other
-- slots: firing the callback, or dooming on a garbage chord, is deferred to the outbox instead.
local function canvas_ok(cv, id, name, result, ttl, kc, now, dead, chan, relay_at)
  local recent = KEYS[kc]
  kc = kc + 1
  for _, env in ipairs(list(cv.nx)) do
    canvas_send(env, result, id, recent, kc, now)
    kc = kc + 4
  end
  if type(cv.ch) ~= 'table' then return end
  local ck, dead_raw = KEYS[kc], KEYS[kc + 1]
  local cbk = list(cv.ch.cb)
  local cb_at = kc + 2
  local df_at = cb_at + 4 * #cbk
  local function bad(reason)
    local err = canvas_bad_chord(cv, ck, dead, dead_raw, now, reason)
    if relay_at then
      if #list(cv.df) > 0 then canvas_defer(KEYS[relay_at], 'fail', id, name, err, ttl, '{"df":' .. cjson.encode(cv.df) .. '}', now) end
      return
    end
    for j, target in ipairs(list(cv.df)) do canvas_doom(KEYS[df_at + j - 1], target, id, name, err, ttl, chan) end
  end
  local kind = redis.call('TYPE', ck)['ok']
  if kind ~= 'hash' then return bad('a ' .. kind .. ', not a hash') end
  local meta = redis.call('HMGET', ck, 'n', 'cb', 'fired')
  local n = tonumber(meta[1])
  if not n or n < 1 or n ~= math.floor(n) then return bad('header size "' .. tostring(meta[1]) .. '" is not a positive integer') end
  local idx = tonumber(cv.ch.i)
  if not idx or idx < 0 or idx >= n then return bad('header index ' .. tostring(cv.ch.i) .. ' out of range') end
  -- A header that runs again (redelivery after a crash) is counted once: its slot is set once.
  if redis.call('HSETNX', ck, 'r' .. idx, result) == 0 then return end
  local done = redis.call('HINCRBY', ck, 'done', 1)
  if done < n or meta[3] then return end
  local ok, cbs = pcall(cjson.decode, meta[2] or '')
  if not ok or type(cbs) ~= 'table' or #cbs ~= #cbk then return bad('callback is not a list of ' .. #cbk .. ' envelopes') end
  for j, env in ipairs(cbs) do
    if type(env) ~= 'table' or type(cbk[j]) ~= 'table' or env.i ~= cbk[j][1] then return bad('callback ' .. j .. ' is not the task its headers name') end
  end
  local parts = {}
  for from = 0, n - 1, 1000 do
    local fields = {}
    for j = from, math.min(from + 999, n - 1) do fields[#fields + 1] = 'r' .. j end
    local vals = redis.call('HMGET', ck, unpack(fields))
    for j = 1, #vals do parts[#parts + 1] = vals[j] or 'null' end
  end
  local array = '[' .. table.concat(parts, ',') .. ']'
  redis.call('HSET', ck, 'fired', now)
  if relay_at then
    canvas_defer(KEYS[relay_at], 'ok', id, name, array, ttl, '{"nx":' .. meta[2] .. '}', now)
  else
    for j, env in ipairs(cbs) do canvas_send(env, array, id, recent, cb_at + 4 * (j - 1), now) end
  end
  redis.call('PEXPIRE', ck, ttl)
end

-- After a FAILURE: mark the chord failed, doom what can no longer run, send the error links.
local function canvas_fail(cv, id, name, err_json, ttl, kc, now, chan)
  if type(cv.ch) == 'table' then
    local ck = KEYS[kc]
    kc = kc + 1
    if redis.call('TYPE', ck)['ok'] == 'hash' then
      redis.call('HSETNX', ck, 'failed', id)
      redis.call('PEXPIRE', ck, ttl)
    end
  end
  for _, target in ipairs(list(cv.df)) do
    canvas_doom(KEYS[kc], target, id, name, err_json, ttl, chan)
    kc = kc + 1
  end
  local errlinks = list(cv.ne)
  if #errlinks > 0 then
    local recent = KEYS[kc]
    kc = kc + 1
    local input = '{"taskId":' .. cjson.encode(id) .. ',"error":' .. err_json .. '}'
    for _, env in ipairs(errlinks) do
      canvas_send(env, input, id, recent, kc, now)
      kc = kc + 4
    end
  end
end
