-- KEYS: finish keys (FINISH_KEYS per outcome); ARGV: 1 now, 2 done channel prefix, then 5 per outcome
return finish(0, 2, #KEYS / FINISH_KEYS, tonumber(ARGV[1]), ARGV[2])
