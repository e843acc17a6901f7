-- A plain GET with the bearer token from $TOKEN.
dofile(os.getenv("BENCH_DIR") .. "/wrk/auth.lua")
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
