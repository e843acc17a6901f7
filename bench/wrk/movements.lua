-- POSTs batches of stock movements: each request carries BATCH receipt movements of demo
-- products into a demo shelf location. Movements per second = requests per second × BATCH.
local batch = tonumber(os.getenv("BATCH") or "100")
local location = tonumber(os.getenv("LOCATION") or "7")
local items = {}
for i = 1, batch do
  items[#items + 1] = string.format(
    '{"kind":"receipt","product_id":%d,"quantity":1,"to_location_id":%d}', (i % 200) + 1, location)
end
wrk.method = "POST"
wrk.body = '{"movements":[' .. table.concat(items, ",") .. ']}'
wrk.headers["Content-Type"] = "application/json"
