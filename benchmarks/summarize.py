"""Renders a benchmark run's raw wrk, pgbench and gateway outputs as the markdown tables BENCHMARKS.md publishes.
A part that did not run (ONLY=...) has no tables.

Usage: summarize.py RESULTS_DIR
"""
import json
import pathlib
import re
import sys

results = pathlib.Path(sys.argv[1])

ENDPOINTS = [
    ("participants_list", "MCP participants", "GET /session-participants"),
    ("participants_get", "MCP participants", "GET /session-participants/{id}"),
    ("messages_list", "MCP messages", "GET /sessions/{id}/messages"),
    ("messages_get", "MCP messages", "GET /sessions/{id}/messages/{id}"),
    ("rtk_list", "RealtimeKit sessions", "GET .../sessions?page_no=1..3"),
    ("rtk_get", "RealtimeKit sessions", "GET .../sessions/{id}"),
    ("rtk_participants", "RealtimeKit sessions", "GET .../sessions/{id}/participants"),
    ("threads_list", "Thread participants", "GET /api/thread-participants?thread_id= (50)"),
    ("threads_get", "Thread participants", "GET /api/thread-participants/{id}"),
    ("threads_filtered", "Thread participants", "GET ...?thread_id= (50 000)&filter=agentId not null"),
]
PAGES = [
    ("MCP messages, session of 200 000", "messages_first", "messages_deep"),
    ("Thread participants, thread of 50 000", "threads_first", "threads_deep"),
]
RECORDING_RUNS = {"1_full": "at the closed-loop rate", "2_half": "at half of it"}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def text(name):
    path = results / name
    return path.read_text() if path.exists() else ""


def wrk(name):
    out = text(name + ".wrk")
    found = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    found["rps"] = float(m.group(1)) if m else None
    for pct in ("50", "99"):
        m = re.search(r"^\s+" + pct + r"%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        found["p" + pct] = float(m.group(1)) * UNITS[m.group(2)] if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    found["errors"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", out)
    found["socket"] = m.group(1) if m else None
    return found


def pgbench(name):
    out = text(name + ".pgbench")
    m = re.search(r"tps = ([\d.]+)", out)
    tps = float(m.group(1)) if m else None
    m = re.search(r"latency average = ([\d.]+) ms", out)
    return tps, float(m.group(1)) if m else None


def num(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def ms(value):
    return "n/a" if value is None else (f"{value:.2f}" if value < 10 else f"{value:.1f}")


def ratio(a, b):
    return "n/a" if a is None or not b else f"{a / b:.2f}"


notes = []


def api_tables():
    print("| API | endpoint (straight to its service) | RPS | p50 ms | p99 ms | SQL ceiling TPS | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, api, label in ENDPOINTS:
        w = wrk(name)
        tps, _ = pgbench(name)
        print(f"| {api} | `{label}` | {num(w['rps'])} | {ms(w['p50'])} | {ms(w['p99'])} | {num(tps)} | {ratio(w['rps'], tps)} |")
        if w["errors"] or w["socket"]:
            notes.append(f"{name}: {w['errors']} non-2xx responses; socket errors: {w['socket']}")
    print()
    print("| first vs deep page (keyset, straight to the service) | first RPS | first p50 ms | deep RPS | deep p50 ms | deep/first p50 |"
          " first ceiling TPS | deep ceiling TPS | first ratio | deep ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, first, deep in PAGES:
        f, d = wrk(first), wrk(deep)
        ft, _ = pgbench(first)
        dt, _ = pgbench(deep)
        print(f"| {label} | {num(f['rps'])} | {ms(f['p50'])} | {num(d['rps'])} | {ms(d['p50'])} | {ratio(d['p50'], f['p50'])} "
              f"| {num(ft)} | {num(dt)} | {ratio(f['rps'], ft)} | {ratio(d['rps'], dt)} |")
        for name, w in ((first, f), (deep, d)):
            if w["errors"] or w["socket"]:
                notes.append(f"{name}: {w['errors']} non-2xx responses; socket errors: {w['socket']}")
    print()
    print("| the gateway's share | straight to the service RPS | p50 ms | through the gateway RPS | p50 ms "
          "| gateway ÷ straight | through nginx RPS | p50 ms | nginx ÷ straight |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, api, label in ENDPOINTS:
        if not (results / (name + ".direct.wrk")).exists():
            continue
        w, d, n = wrk(name + ".gateway"), wrk(name + ".direct"), wrk(name + ".nginx")
        print(f"| `{label}` | {num(d['rps'])} | {ms(d['p50'])} | {num(w['rps'])} | {ms(w['p50'])} | {ratio(w['rps'], d['rps'])} "
              f"| {num(n['rps'])} | {ms(n['p50'])} | {ratio(n['rps'], d['rps'])} |")
        for way, r in (("direct", d), ("gateway", w), ("nginx", n)):
            if r["errors"] or r["socket"]:
                notes.append(f"{name}.{way}: {r['errors']} non-2xx responses; socket errors: {r['socket']}")
    print()
    print("| ingest `POST /sessions/{id}/messages` (straight to messages-service) | requests/s | messages/s | p50 ms | p99 ms "
          "| raw-insert ceiling rows/s | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for batch in (1, 100, 1000):
        w = wrk(f"ingest_{batch}")
        tps, _ = pgbench(f"ingest_{batch}")
        rate = None if w["rps"] is None else w["rps"] * batch
        ceiling = None if tps is None else tps * batch
        print(f"| batches of {batch} | {num(w['rps'], 1)} | {num(rate)} | {ms(w['p50'])} | {ms(w['p99'])} "
              f"| {num(ceiling)} | {ratio(rate, ceiling)} |")
        if w["errors"] or w["socket"]:
            notes.append(f"ingest_{batch}: {w['errors']} non-2xx responses; socket errors: {w['socket']}")
    print()


def gateway_tables():
    rounds = sorted(int(p.stem.split("_")[-1]) for p in results.glob("mcp_via_*.wrk"))
    print("| tools/call of an echo tool (round) | straight RPS | p50 ms | p99 ms | through mcp-gateway RPS | p50 ms | p99 ms "
          "| ratio | p50 added ms | p99 added ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rounds:
        d, g = wrk(f"mcp_direct_{r}"), wrk(f"mcp_via_{r}")
        added = [None if g[k] is None or d[k] is None else g[k] - d[k] for k in ("p50", "p99")]
        print(f"| round {r} | {num(d['rps'])} | {ms(d['p50'])} | {ms(d['p99'])} | {num(g['rps'])} | {ms(g['p50'])} "
              f"| {ms(g['p99'])} | {ratio(g['rps'], d['rps'])} | {ms(added[0])} | {ms(added[1])} |")
        for name, w in ((f"mcp_direct_{r}", d), (f"mcp_via_{r}", g)):
            calls = mcp_calls(name)
            if w["errors"] or w["socket"] or calls["failed"]:
                notes.append(f"{name}: {w['errors']} non-2xx responses, {calls['failed']} calls without a result; "
                             f"socket errors: {w['socket']}")
    if (results / "mcp_single_via.wrk").exists():
        d, g = wrk("mcp_single_direct"), wrk("mcp_single_via")
        added = [None if g[k] is None or d[k] is None else g[k] - d[k] for k in ("p50", "p99")]
        print(f"| one connection | {num(d['rps'])} | {ms(d['p50'])} | {ms(d['p99'])} | {num(g['rps'])} | {ms(g['p50'])} "
              f"| {ms(g['p99'])} | {ratio(g['rps'], d['rps'])} | {ms(added[0])} | {ms(added[1])} |")
    cpu_table(rounds)
    start, end = json_file("mcp_metrics.start.json"), json_file("mcp_metrics.end.json")
    runs = sorted(p.name[:-len(".watch.json")] for p in results.glob("mcp_recording_*.watch.json"))
    if not runs:
        return
    print()
    print("| recording, best_effort: run | " + " | ".join(RECORDING_RUNS.get(run[len("mcp_recording_"):], run)
                                                        for run in runs) + " |")
    print("|---|" + "---:|" * len(runs))
    watches = [json_file(run + ".watch.json") for run in runs]
    stores = [json_file(run + ".stored.json") or {} for run in runs]
    calls = [mcp_calls(run) for run in runs]
    latencies = [wrk(run) for run in runs]
    expected = [w["calls"] for w in watches]
    none = [0] * len(runs)
    row("calls/s while the calls passed", [w.get("rate") for w in watches])
    row("p50 / p99 ms of a call (wrk)", [f"{ms(l['p50'])} / {ms(l['p99'])}" for l in latencies])
    checks = [
        ("calls answered with a result (wrk; expected: every call sent)", [c["answered"] for c in calls], expected),
        ("calls failed (wrk; expected 0)", [c["failed"] for c in calls], none),
        ("calls passed upstream (`gateway_upstream_latency_seconds_count` delta; expected: every call)",
         [w["passed"] for w in watches], expected),
        ("`gateway_messages_recorded_total` delta (expected: 2 per call)", [w["recorded"] for w in watches],
         [2 * e for e in expected]),
        ("`gateway_messages_dropped_total` delta (expected 0)", [w["dropped"] for w in watches], none),
        ("tools/call requests stored by messages-service (expected: one per call)", [s.get("requests") for s in stores], expected),
        ("tools/call responses stored (expected: one per call)", [s.get("responses") for s in stores], expected),
        ("other tools/call messages stored (expected 0)", [s.get("others") for s in stores], none),
    ]
    for label, values, wanted in checks:
        row(label, values, wanted)
        for run, value, want in zip(runs, values, wanted):
            if value != want:
                notes.append(f"{run}: {label} is {value}, expected {want}")
    row(f"most messages in the buffer (`gateway_recording_buffered`, polled every {watches[0]['poll_seconds'] * 1000:.0f} ms)",
        [w["max_buffered"] for w in watches])
    row("recording lag p50 / p99 / max ms (stored id time - the upstream's answer time, every answer)",
        [f"{ms(s.get('lag_ms_p50'))} / {ms(s.get('lag_ms_p99'))} / {ms(s.get('lag_ms_max'))}" for s in stores])
    if any(w.get("gauge_lag") for w in watches):
        row("`gateway_recording_lag_seconds` p50 / p99 / max ms", [gauge_lag(w.get("gauge_lag")) for w in watches])
    row("every message recorded (or counted dropped), ms after the last call passed", [
        None if w["settled_after_last_call_seconds"] is None else w["settled_after_last_call_seconds"] * 1000
        for w in watches])
    if start and end:
        print()
        print(f"`gateway_messages_dropped_total` over the whole gateway part (warm-up, rounds, recording runs): "
              f"{num(end['dropped'] - start['dropped'])}.")


def cpu_table(rounds):
    """CPU milliseconds per call of each process, over every round of each way (what the calls cost, whatever else ran)."""
    ways = {"straight": "mcp_direct", "through mcp-gateway": "mcp_via"}
    per_call = {}
    for way, prefix in ways.items():
        used, calls = {}, 0
        for r in rounds:
            before, after = json_file(f"{prefix}_{r}.cpu.before"), json_file(f"{prefix}_{r}.cpu.after")
            answered = mcp_calls(f"{prefix}_{r}")["answered"]
            if not before or not after or not answered:
                return
            calls += answered
            for process in after:
                used[process] = used.get(process, 0) + after[process] - before.get(process, 0)
        per_call[way] = {process: seconds * 1000 / calls for process, seconds in used.items()}
    # A straight call touches the upstream alone; what the stack's processes did meanwhile (JIT
    # compiling, a backlog of the previous run) is not the call's.
    per_call["straight"] = {"upstream": per_call["straight"]["upstream"]}
    via = per_call["through mcp-gateway"]
    processes = [p for p in via if via[p] >= 0.005]
    print()
    print("| CPU ms per call (all rounds) | " + " | ".join(f"`{p}`" for p in processes) + " | total (wrk not counted) |")
    print("|---|" + "---:|" * (len(processes) + 1))
    for way in ways:
        cells = [f"{per_call[way][p]:.2f}" if p in per_call[way] else "" for p in processes]
        print(f"| {way} | " + " | ".join(cells) + f" | {sum(per_call[way].values()):.2f} |")


def row(label, values, wanted=None):
    """A table row, each cell marked where it is not what was wanted."""
    cells = [v if isinstance(v, str) else num(v) for v in values]
    if wanted is not None:
        cells = [c + ("" if v == w else " **(not as expected)**") for c, v, w in zip(cells, values, wanted)]
    print(f"| {label} | " + " | ".join(cells) + " |")


def gauge_lag(lag):
    if not lag:
        return "n/a"
    q = lag["quantiles"]
    p50 = q.get("0.5") if q.get("0.5") is not None else lag["p50_bucket"]
    p99 = q.get("0.99") if q.get("0.99") is not None else lag["p99_bucket"]
    return " / ".join(ms(None if v is None else v * 1000) for v in (p50, p99, lag["max"]))


def mcp_calls(name):
    out = text(name + ".wrk")
    found = {}
    for key in ("answered", "failed"):
        m = re.search(r"mcp calls " + key + r": (\d+)", out)
        found[key] = int(m.group(1)) if m else None
    return found


def json_file(name):
    return json.loads(text(name)) if text(name).strip() else None


machine = dict(line.split("=", 1) for line in text("machine").splitlines() if "=" in line)
print(f"Machine: {machine.get('cores', '?')} cores ({machine.get('cpu', '?')}), {machine.get('memory', '?')} memory; "
      f"{machine.get('java', '?')}; {machine.get('postgres', '?')}; {machine.get('wrk', '?')}; "
      + (f"{machine['nginx']}; " if "nginx" in machine else "") +
      f"{machine.get('pgbench', '?')}. wrk and pgbench alike: {machine.get('load', '?')}. "
      f"Load average: {machine.get('load_average', '?')}.")
print()
if (results / "participants_list.wrk").exists():
    api_tables()
if list(results.glob("mcp_via_*.wrk")):
    gateway_tables()
    print()
print(f"Stack ready (PostgreSQL, three services, mcp-gateway, gateway) in {text('stack-ready-seconds').strip() or 'n/a'} s.")
print()
print("| service | started in (own log) s | resident memory after the run MiB |")
print("|---|---:|---:|")
for service in ("sessions-service", "messages-service", "threads-service", "mcp-gateway"):
    started = text(f"{service}-started-seconds").strip() or "n/a"
    rss = text(f"{service}-rss-kb").strip()
    print(f"| {service} | {started} | {num(int(rss) / 1024) if rss else 'n/a'} |")
if notes:
    print()
    print("Errors during the run:")
    for note in notes:
        print(f"- {note}")
