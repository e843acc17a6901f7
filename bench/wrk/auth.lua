-- Adds the bearer token from $TOKEN (if set) to every request.
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
