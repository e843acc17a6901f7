-- GETs a random demo product (ids 1..200) per request.
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/products/" .. math.random(1, 200))
end
dofile(os.getenv("BENCH_DIR") .. "/wrk/auth.lua")
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
