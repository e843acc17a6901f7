-- Signs in as the admin user on every request (password from $ADMIN_PASSWORD).
wrk.method = "POST"
wrk.body = '{"username":"admin","password":"' .. os.getenv("ADMIN_PASSWORD") .. '"}'
wrk.headers["Content-Type"] = "application/json"
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
