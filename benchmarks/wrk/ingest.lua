-- Records batches of MCP messages through POST /sessions/{id}/messages, spread over a set of
-- sessions that stay busy (so their lookup stays cached, as for a busy client); bodies are built
-- once per thread (ids are the service's, so a repeated body stores new messages). Usage:
-- wrk ... -s ingest.lua <url> -- <sessions file: "ses_id spr_id run_id" per line> <token> <batch size>
local bodies = {}
local paths = {}
local token

local function message(i, server_session, run)
    local id = math.floor(i / 2)
    local payload
    local sender
    if i % 2 == 0 then
        payload = string.format('{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"search_documents",'
            .. '"arguments":{"query":"quarterly revenue by region %d","limit":10}}}', id, i)
        sender = '{"type":"client","id":"bench-client"}'
    else
        payload = string.format('{"jsonrpc":"2.0","id":%d,"result":{"content":[{"type":"text","text":"Found 10 '
            .. 'documents matching the query; the first is the Q%d report."}],"isError":false}}', id, i % 4 + 1)
        sender = '{"type":"server","id":"' .. server_session .. '"}'
    end
    return string.format('{"payload":%s,"sender":%s,"server_session_id":"%s","provider_run_id":"%s"}',
        payload, sender, server_session, run)
end

function init(args)
    token = args[2]
    local batch = tonumber(args[3])
    for line in io.lines(args[1]) do
        local session, server_session, run = line:match("(%S+)%s+(%S+)%s+(%S+)")
        if session then
            local parts = {}
            for i = 0, batch - 1 do
                parts[#parts + 1] = message(i, server_session, run)
            end
            paths[#paths + 1] = "/sessions/" .. session .. "/messages"
            bodies[#bodies + 1] = '{"messages":[' .. table.concat(parts, ",") .. ']}'
        end
    end
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
    local i = math.random(#paths)
    return wrk.format("POST", paths[i], {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json"
    }, bodies[i])
end
