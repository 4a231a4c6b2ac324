"""Page speed benchmark: the Learning Network beside wagtail/bakerydemo, in one run.

    python bench/run.py [--bakerydemo /path/to/bakerydemo] [--search] [--duration 10]

Not a test. It needs PostgreSQL and Redis on 127.0.0.1 (as the tests do) and wrk
(Debian's package). It creates a scratch database (ln_bench_pages), loads the demo
content plus a thread of 500 replies (bench/prepare.py), collects static files and
serves the site with gunicorn (2 sync workers, production settings, Redis cache), then
loads each page with wrk at 8 connections and prints requests a second and p95s:

- the signed-in guidance page, and bakerydemo's blog page served the same way (its own
  checkout: pass --bakerydemo DIR with a serve.sh that starts it with gunicorn on the
  port given; bakerydemo is not part of this repository) and their ratio;
- one request at a time to the guidance page (mean and p50: the single-request time);
- the first and last page of the 500-reply thread;
- with --search, `manage.py bench_search` (100,000 posts and 5,000 pages; minutes).

Targets (issue 13): guidance >= 4x bakerydemo's blog page (goal 8x), single request
<= 10 ms, thread pages p95 <= 80 ms, every search class p95 <= 150 ms."""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB = "ln_bench_pages"
SEARCH_DB = "ln_bench_search"  # a scratch database of its own, made afresh
OURS = 8802
THEIRS = 8801
TARGETS = {
    "ratio": 4.0,
    "single_ms": 10.0,
    "thread_p95_ms": 80.0,
    "search_p95_ms": 150.0,
}


def environment(static_root: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning_network.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)


def wait_for(port: int, path: str, headers: dict) -> None:
    for _ in range(120):
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers=headers
            )
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"nothing answered 200 on port {port} at {path}")


def wrk(port: int, path: str, headers: dict, connections: int, seconds: int) -> dict:
    header_args = [a for k, v in headers.items() for a in ("-H", f"{k}: {v}")]
    output = subprocess.run(
        ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
         "-s", str(ROOT / "bench" / "p95.lua"), *header_args,
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    line = next(x for x in output.splitlines() if x.startswith("RESULT "))
    result = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non2xx"] = int(non2xx.group(1)) if non2xx else 0
    if result["non2xx"] or result["errors"]:  # timeouts included (--timeout 30s)
        raise SystemExit(f"errors loading {path}: {output}")
    return result


def start(command, env, cwd=None):
    return subprocess.Popen(
        command, env=env, cwd=cwd or ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def stop(process) -> None:
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", help="a bakerydemo checkout with serve.sh")
    parser.add_argument("--blog", default="/blog/wild-yeast/")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--search", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    static_root = tempfile.mkdtemp(prefix="ln-bench-static-")
    env = environment(static_root)
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB])
    run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], env)
    subprocess.run(["redis-cli", "-n", env["REDIS_URL"].rsplit("/", 1)[1], "flushdb"],
                   capture_output=True)  # fmt: skip
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    started = time.perf_counter()
    prepared_output = run(
        [PYTHON, "bench/prepare.py"], env, stdout=subprocess.PIPE, text=True
    ).stdout
    urls = json.loads(prepared_output.strip().splitlines()[-1])
    prepared = time.perf_counter() - started
    headers = {"Cookie": urls["cookie"], "X-Forwarded-Proto": "https"}
    ours = start(
        [str(Path(PYTHON).parent / "gunicorn"), "learning_network.wsgi",
         "--workers", "2", "--bind", f"127.0.0.1:{OURS}"], env,
    )  # fmt: skip
    theirs = None
    results = {}
    try:
        wait_for(OURS, urls["guidance"], headers)
        if args.bakerydemo:
            theirs = start(["./serve.sh", str(THEIRS)], os.environ, cwd=args.bakerydemo)
            wait_for(THEIRS, args.blog, {})
        for name, path in [
            ("guidance", urls["guidance"]),
            ("thread_first", urls["thread_first"]),
            ("thread_last", urls["thread_last"]),
        ]:
            wrk(OURS, path, headers, 8, 2)  # warm both workers
            results[name] = wrk(OURS, path, headers, 8, args.duration)
        results["guidance_single"] = wrk(
            OURS, urls["guidance"], headers, 1, args.duration
        )
        if theirs is not None:
            wrk(THEIRS, args.blog, {}, 8, 2)
            results["bakerydemo_blog"] = wrk(THEIRS, args.blog, {}, 8, args.duration)
            results["bakerydemo_single"] = wrk(THEIRS, args.blog, {}, 1, args.duration)
    finally:
        stop(ours)
        stop(theirs)
        shutil.rmtree(static_root, ignore_errors=True)

    print(
        f"\nprepared demo content and a {urls['posts']}-post thread in {prepared:.0f} s"
    )
    print(f"{'page':<34}{'req/s':>9}{'mean ms':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for name, r in results.items():
        print(
            f"{name:<34}{r['rps']:>9.1f}{r['mean_ms']:>9.2f}{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}"
        )
    checks = [
        ("single guidance request (c=1 mean)", results["guidance_single"]["mean_ms"],
         "<=", TARGETS["single_ms"]),
        ("thread first page p95 (c=8)", results["thread_first"]["p95_ms"], "<=",
         TARGETS["thread_p95_ms"]),
        ("thread last page p95 (c=8)", results["thread_last"]["p95_ms"], "<=",
         TARGETS["thread_p95_ms"]),
    ]  # fmt: skip
    if "bakerydemo_blog" in results:
        ratio = results["guidance"]["rps"] / results["bakerydemo_blog"]["rps"]
        checks.insert(0, ("guidance req/s / bakerydemo blog req/s", ratio, ">=",
                          TARGETS["ratio"]))  # fmt: skip
    else:
        print("bakerydemo not given (--bakerydemo): ratio not measured")
    print()
    for label, value, op, target in checks:
        met = value >= target if op == ">=" else value <= target
        print(
            f"{'MET ' if met else 'MISSED'} {label}: {value:.2f} (target {op} {target})"
        )
    if args.search:
        search_env = {**os.environ, "DATABASE_URL":
                      f"postgres://postgres@127.0.0.1:5432/{SEARCH_DB}"}  # fmt: skip
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists",
                        SEARCH_DB], check=True)  # fmt: skip
        run(["createdb", "-h", "127.0.0.1", "-U", "postgres", SEARCH_DB], search_env)
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], search_env)
        run([PYTHON, "manage.py", "bench_search"], search_env)


if __name__ == "__main__":
    main()
