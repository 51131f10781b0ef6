-- Sends GET requests to paths read from a file, one picked at random per request, with a bearer
-- token. Usage: wrk ... -s paths.lua <url> -- <paths file> <token>
local paths = {}
local token

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then
            paths[#paths + 1] = line
        end
    end
    token = args[2]
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
    return wrk.format("GET", paths[math.random(#paths)], { ["Authorization"] = "Bearer " .. token })
end
