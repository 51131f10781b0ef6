-- Calls the MCP upstream's echo tool that says when it answered (stamped_echo) over Streamable HTTP: POST tools/call with Mcp-Session-Id, Accept
-- (JSON and SSE) and MCP-Protocol-Version, through the gateway or straight to the upstream. The
-- sessions (initialized beforehand, one per connection) are shared out between the threads, and
-- each thread takes its own in turn (wrk does not say which connection a request goes on); JSON-RPC
-- ids rise per thread, so they are unique within a session. An answer counts as a call when it is
-- 200 and carries a JSON-RPC result; done() prints the calls and the failures.
-- With a quota, each thread sends that many calls and then no more (its connections wait past the
-- end of the run), so that every call sent is answered within the run: what was recorded can then
-- be compared with exactly what passed. With a pause, a connection waits that long after each
-- answer before its next call, which lowers the rate.
-- Usage: wrk ... -s mcp_call.lua <url> -- <sessions file> <path> <protocol version> <threads> <token or -> [quota per thread [pause ms]]
local threads = {}
local sessions = {}
local path, version, token, quota
local pause = 0
local next_session, next_id, reserved = 0, 0, 0
calls, failures = 0, 0

function setup(thread)
    thread:set("index", #threads)
    threads[#threads + 1] = thread
end

function init(args)
    local count = tonumber(args[4])
    local i = 0
    for line in io.lines(args[1]) do
        if #line > 0 then
            if i % count == index then
                sessions[#sessions + 1] = line
            end
            i = i + 1
        end
    end
    assert(#sessions > 0, "no session for thread " .. index)
    path, version = args[2], args[3]
    if args[5] ~= "-" then
        token = "Bearer " .. args[5]
    end
    quota = tonumber(args[6])
    pause = tonumber(args[7] or "0")
end

function delay()
    if quota then
        if reserved >= quota then
            return 3600000
        end
        reserved = reserved + 1
    end
    return pause
end

function request()
    next_session = next_session % #sessions + 1
    next_id = next_id + 1
    local headers = {
        ["Content-Type"] = "application/json",
        ["Accept"] = "application/json, text/event-stream",
        ["Mcp-Session-Id"] = sessions[next_session],
        ["MCP-Protocol-Version"] = version,
        ["Authorization"] = token
    }
    return wrk.format("POST", path, headers, string.format(
        '{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"stamped_echo","arguments":{"text":"call %d"}}}',
        next_id, next_id))
end

function response(status, headers, body)
    if status == 200 and body:find('"result"', 1, true) and not body:find('"error"', 1, true) then
        calls = calls + 1
    else
        failures = failures + 1
    end
end

function done(summary, latency, requests)
    local total_calls, total_failures = 0, 0
    for _, thread in ipairs(threads) do
        total_calls = total_calls + thread:get("calls")
        total_failures = total_failures + thread:get("failures")
    end
    io.write(string.format("mcp calls answered: %d\nmcp calls failed: %d\n", total_calls, total_failures))
end
