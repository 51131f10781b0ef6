"""The gateway benchmark's helpers around wrk: a provider, MCP sessions, the gateway's metrics while a
run passes, and what messages-service stored of it.

Usage:
  mcp_bench.py provider GATEWAY ADMIN_TOKEN UPSTREAM_URL            prints the new provider's id
  mcp_bench.py sessions MCP_URL TOKEN|- PROTOCOL COUNT               initializes COUNT sessions, prints their ids
  mcp_bench.py metrics METRICS_URL                                   prints the gateway's figures as JSON
  mcp_bench.py watch METRICS_URL BEFORE CALLS TIMEOUT_S              while a run of CALLS calls passes, started after
                                                                     the metrics in the file BEFORE were read, prints
                                                                     what passed and when all of it was recorded, as JSON
  mcp_bench.py cpu ROOT DATA_DIR UPSTREAM_PID                        prints the CPU seconds each process of the stack
                                                                     and the upstream has used so far, as JSON
  mcp_bench.py stored DATABASE SESSIONS_FILE                         counts the tools/call messages stored for those
                                                                     sessions and their recording lag, as JSON

`watch` polls /q/metrics every 50 ms: a call has passed when the upstream's answer has begun
(gateway_upstream_latency_seconds counts it); the run has settled when the buffer is empty and
gateway_messages_recorded_total and gateway_messages_dropped_total together have counted the
request and the answer of every call.
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

CLIENT = {"name": "bench-mcp-client", "version": "1.0.0"}
ACCEPT = "application/json, text/event-stream"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)', re.M)
POLL_S = 0.05


def post(url, body, headers, attempts=10):
    """POSTs JSON; a 503 (a peer still warming up) is tried again after its Retry-After, as a client would."""
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers, response.read().decode()
    except urllib.error.HTTPError as e:
        answer = e.read().decode(errors="replace")
        if e.code == 503 and attempts > 1:
            time.sleep(float(e.headers.get("Retry-After") or 1))
            return post(url, body, headers, attempts - 1)
        raise SystemExit(f"POST {url} {body.get('method', '')}: {e.code} {answer}")


def provider(gateway, token, upstream_url):
    _, body = post(gateway + "/providers", {"name": "bench echo upstream", "upstream_url": upstream_url},
                   {"Authorization": "Bearer " + token})
    print(json.loads(body)["id"])


def sessions(url, token, protocol, count):
    auth = {} if token == "-" else {"Authorization": "Bearer " + token}
    for _ in range(count):
        headers, body = post(url, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": protocol, "capabilities": {}, "clientInfo": CLIENT}}, {"Accept": ACCEPT, **auth})
        if '"result"' not in body:
            raise SystemExit(f"initialize at {url} was not answered with a result: {body}")
        session = headers["Mcp-Session-Id"]
        post(url, {"jsonrpc": "2.0", "method": "notifications/initialized"},
             {"Accept": ACCEPT, "Mcp-Session-Id": session, "MCP-Protocol-Version": protocol, **auth})
        print(session)


def samples(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    found = {}
    for name, labels, value in SAMPLE.findall(text):
        found.setdefault(name, []).append((labels or "", float(value)))
    return found


def total(found, name):
    return sum(v for _, v in found.get(name, []))


def lag(found):
    """gateway_recording_lag_seconds, as a summary's quantiles or a histogram's buckets, when the gateway has it."""
    name = "gateway_recording_lag_seconds"
    if name + "_count" not in found:
        return None
    figures = {"count": total(found, name + "_count"), "sum": total(found, name + "_sum"),
               "max": max((v for _, v in found.get(name + "_max", [])), default=None)}
    quantiles = {}
    for labels, value in found.get(name, []):
        m = re.search(r'quantile="([^"]+)"', labels)
        if m:
            quantiles[m.group(1)] = value
    buckets = {}
    for labels, value in found.get(name + "_bucket", []):
        m = re.search(r'le="([^"]+)"', labels)
        if m:
            buckets[m.group(1)] = buckets.get(m.group(1), 0) + value
    figures["quantiles"], figures["buckets"] = quantiles, buckets
    return figures


def figures(url):
    found = samples(url)
    return {
        "recorded": total(found, "gateway_messages_recorded_total"),
        "dropped": total(found, "gateway_messages_dropped_total"),
        "buffered": total(found, "gateway_recording_buffered"),
        "sessions_open": total(found, "gateway_sessions_open"),
        "upstream_calls": total(found, "gateway_upstream_latency_seconds_count"),
        "lag": lag(found),
    }


def bucket_quantile(before, after, q):
    """The upper bound of the histogram bucket holding quantile q of what was observed between two snapshots."""
    if not before or not after:
        return None
    bounds = sorted((float("inf") if le == "+Inf" else float(le), le) for le in after["buckets"])
    counts = [(bound, after["buckets"][le] - before["buckets"].get(le, 0)) for bound, le in bounds]
    if not counts or counts[-1][1] <= 0:
        return None
    for bound, count in counts:
        if count >= q * counts[-1][1]:
            return bound
    return None


def watch(url, before_file, calls, timeout):
    with open(before_file) as f:
        before = json.load(f)
    started = time.monotonic()
    first_passed = last_passed = recorded_at = None
    max_buffered = 0
    now = before
    while time.monotonic() - started < timeout:
        time.sleep(POLL_S)
        now = figures(url)
        elapsed = time.monotonic() - started
        passed = now["upstream_calls"] - before["upstream_calls"]
        max_buffered = max(max_buffered, now["buffered"])
        if first_passed is None and passed > 0:
            first_passed = elapsed
        if last_passed is None and passed >= calls:
            last_passed = elapsed
        settled = now["recorded"] - before["recorded"] + now["dropped"] - before["dropped"]
        if last_passed is not None and settled >= 2 * calls and now["buffered"] == 0:
            recorded_at = elapsed
            break
    report = {
        "calls": calls,
        "passed": now["upstream_calls"] - before["upstream_calls"],
        "recorded": now["recorded"] - before["recorded"],
        "dropped": now["dropped"] - before["dropped"],
        "max_buffered": max_buffered,
        "passing_seconds": None if last_passed is None else last_passed - (first_passed or 0),
        "settled_after_last_call_seconds": None if recorded_at is None else recorded_at - last_passed,
        "poll_seconds": POLL_S,
    }
    if report["passing_seconds"]:
        report["rate"] = calls / report["passing_seconds"]
    if now["lag"] is not None:
        count = now["lag"]["count"] - (before["lag"] or {}).get("count", 0)
        report["gauge_lag"] = {
            "count": count,
            "mean": (now["lag"]["sum"] - (before["lag"] or {}).get("sum", 0)) / count if count else None,
            "max": now["lag"]["max"],
            "quantiles": now["lag"]["quantiles"],
            "p50_bucket": bucket_quantile(before["lag"], now["lag"], 0.5),
            "p99_bucket": bucket_quantile(before["lag"], now["lag"], 0.99),
        }
    print(json.dumps(report))


SERVICES = ("sessions-service", "messages-service", "threads-service", "mcp-gateway")


def cpu_seconds(pid):
    """User and system CPU of a live process (fields 14 and 15 of /proc/PID/stat, in clock ticks)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def cpu(root, data, upstream):
    """CPU used by each service (found by its runner jar), PostgreSQL (the postmaster and its backends) and the upstream."""
    used = {}
    for service in SERVICES:
        out = subprocess.run(["pgrep", "-f", f"{root}/{service}/target/quarkus-app/quarkus-run.jar"],
                             capture_output=True, text=True).stdout.split()
        used[service] = sum(cpu_seconds(p) for p in out)
    with open(os.path.join(data, "postgres", "postmaster.pid")) as f:
        postmaster = int(f.readline())
    used["postgres"] = cpu_seconds(postmaster) + sum(cpu_seconds(p) for p in children(postmaster))
    used["upstream"] = cpu_seconds(upstream)
    print(json.dumps(used))


def uuid_of(prefixed):
    """The UUID behind a ses_ id: 22 base62 digits after the prefix (dev.sessionledger.commons.ids.PrefixedId)."""
    value = 0
    for digit in prefixed.split("_", 1)[1]:
        value = value * 62 + ALPHABET.index(digit)
    return str(uuid.UUID(int=value))


def stored(database, sessions_file):
    with open(sessions_file) as f:
        ids = [uuid_of(line.strip()) for line in f if line.strip()]
    # A stored message's id is a UUIDv7 made as messages-service stored it: its first 48 bits are
    # that millisecond. The upstream's stamped_echo put the time it answered in the answer's _meta.
    sql = f"""
        with calls as (
            select type, sender_type,
                   (('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint) as stored_ms,
                   (payload -> 'result' -> '_meta' ->> 'answered_at_us')::bigint / 1000.0 as answered_ms
            from session_message
            where session_id = any(array[{",".join(f"'{i}'" for i in ids)}]::uuid[]) and method = 'tools/call')
        select json_build_object(
            'requests', count(*) filter (where type = 'request' and sender_type = 'client'),
            'responses', count(*) filter (where type = 'response' and sender_type = 'server'),
            'others', count(*) filter (where not (type = 'request' and sender_type = 'client')
                                         and not (type = 'response' and sender_type = 'server')),
            'lag_ms_p50', percentile_cont(0.5) within group (order by stored_ms - answered_ms),
            'lag_ms_p99', percentile_cont(0.99) within group (order by stored_ms - answered_ms),
            'lag_ms_max', max(stored_ms - answered_ms),
            'lag_ms_min', min(stored_ms - answered_ms))
        from calls"""
    out = subprocess.run(["psql", "-At", "-d", database, "-c", sql], check=True, capture_output=True, text=True)
    print(out.stdout.strip())


def main(args):
    command = args[0]
    if command == "provider":
        provider(args[1], args[2], args[3])
    elif command == "sessions":
        sessions(args[1], args[2], args[3], int(args[4]))
    elif command == "metrics":
        print(json.dumps(figures(args[1])))
    elif command == "watch":
        watch(args[1], args[2], int(args[3]), float(args[4]))
    elif command == "cpu":
        cpu(args[1], args[2], args[3])
    elif command == "stored":
        stored(args[1], args[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
