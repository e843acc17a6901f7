-- Creates one product per request, each with a unique SKU (thread id + counter).
local counter = 0
local threadId = 0
local nextId = 0
function setup(thread)
  nextId = nextId + 1
  thread:set("tid", nextId)
end
function init(args)
  threadId = tid or 0
end
request = function()
  counter = counter + 1
  local body = string.format(
    '{"sku":"BENCH-%d-%d","name":"Bench product %d","unit":"pcs","price":{"amount":"9.90","currency":"EUR"}}',
    threadId, counter, counter)
  return wrk.format("POST", "/api/v1/products",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "") }, body)
end
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
