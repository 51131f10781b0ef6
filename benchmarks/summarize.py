"""Renders a benchmark run's raw wrk and pgbench outputs as the markdown tables BENCHMARKS.md publishes.

Usage: summarize.py RESULTS_DIR
"""
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


machine = dict(line.split("=", 1) for line in text("machine").splitlines() if "=" in line)
print(f"Machine: {machine.get('cores', '?')} cores ({machine.get('cpu', '?')}), {machine.get('memory', '?')} memory; "
      f"{machine.get('java', '?')}; {machine.get('postgres', '?')}; {machine.get('wrk', '?')}; "
      f"{machine.get('pgbench', '?')}. wrk and pgbench alike: {machine.get('load', '?')}.")
print()
print("| API | endpoint | RPS | p50 ms | p99 ms | SQL ceiling TPS | ratio |")
print("|---|---|---:|---:|---:|---:|---:|")
notes = []
for name, api, label in ENDPOINTS:
    w = wrk(name)
    tps, _ = pgbench(name)
    print(f"| {api} | `{label}` | {num(w['rps'])} | {ms(w['p50'])} | {ms(w['p99'])} | {num(tps)} | {ratio(w['rps'], tps)} |")
    if w["errors"] or w["socket"]:
        notes.append(f"{name}: {w['errors']} non-2xx responses; socket errors: {w['socket']}")
print()
print("| first vs deep page (keyset) | first RPS | first p50 ms | deep RPS | deep p50 ms | deep/first p50 |"
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
print("| the gateway's share | RPS through the gateway | p50 ms | RPS straight to the service | p50 ms |")
print("|---|---:|---:|---:|---:|")
for name, api, label in ENDPOINTS:
    if not (results / (name + ".direct.wrk")).exists():
        continue
    w, d = wrk(name), wrk(name + ".direct")
    print(f"| `{label}` | {num(w['rps'])} | {ms(w['p50'])} | {num(d['rps'])} | {ms(d['p50'])} |")
print()
print("| ingest `POST /sessions/{id}/messages` | requests/s | messages/s | p50 ms | p99 ms |")
print("|---|---:|---:|---:|---:|")
for batch in (1, 100, 1000):
    w = wrk(f"ingest_{batch}")
    rate = None if w["rps"] is None else w["rps"] * batch
    print(f"| batches of {batch} | {num(w['rps'], 1)} | {num(rate)} | {ms(w['p50'])} | {ms(w['p99'])} |")
    if w["errors"] or w["socket"]:
        notes.append(f"ingest_{batch}: {w['errors']} non-2xx responses; socket errors: {w['socket']}")
print()
print(f"Stack ready (PostgreSQL, three services, gateway) in {text('stack-ready-seconds').strip() or 'n/a'} s.")
print()
print("| service | started in (own log) s | resident memory after the run MiB |")
print("|---|---:|---:|")
for service in ("sessions", "messages", "threads"):
    started = text(f"{service}-started-seconds").strip() or "n/a"
    rss = text(f"{service}-rss-kb").strip()
    print(f"| {service}-service | {started} | {num(int(rss) / 1024) if rss else 'n/a'} |")
if notes:
    print()
    print("Errors during the run:")
    for note in notes:
        print(f"- {note}")
