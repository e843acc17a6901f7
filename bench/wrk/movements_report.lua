dofile(os.getenv("BENCH_DIR") .. "/wrk/movements.lua")
dofile(os.getenv("BENCH_DIR") .. "/wrk/auth.lua")
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
