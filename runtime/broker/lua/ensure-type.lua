-- Raises WRONGTYPE naming `key` when it holds another type than `t` (absent is fine). Called before
-- a script's first write into a structure it has not read yet, so that a wrong-type key stops the
-- script before anything was popped that could not be pushed; the caller then quarantines the key
-- (broker/quarantine.ts) and runs the script again.
local function ensure_type(key, t)
  local found = redis.call('TYPE', key)['ok']
  if found ~= t and found ~= 'none' then error({ err = 'WRONGTYPE ' .. key .. ' holds a ' .. found .. ', not a ' .. t }) end
end
