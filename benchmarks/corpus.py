"""A corpus run (issue 26): articles per second on 1 worker and on all cores, and the
peak memory of all its processes together (PSS from /proc/PID/smaps_rollup of
``article-lens extract`` and its descendants, sampled every 50 ms: a page shared by
several processes counts once), then the same folder through a Dask ``LocalCluster``
of two worker processes (when ``distributed`` is installed) with its rows compared to
the local engine's.

The articles are generated here (short news-like reports, ~1,100 characters each, with
figures and names that vary), so the run needs no data set.

    python benchmarks/corpus.py [--articles 2000] [--no-dask]

Goals: ≥ 1.6× on 2 cores; ≤ 1 GiB for all processes of a 2,000-article run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.machine import cpu_name  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

COMPANIES = ["Acme Corp", "Northwind Traders", "Globex", "Initech", "Umbrella Holdings",
             "Stark Metals", "Wayne Shipping", "Tyrell Energy", "Cyberdyne Systems", "Hooli"]
PLACES = ["London", "Nairobi", "Chicago", "Singapore", "Frankfurt", "Toronto", "Mumbai", "Lima"]
PEOPLE = ["Mary Jones", "John Smith", "Aisha Karimova", "Pedro Alves", "Li Wei", "Sara Okafor"]
UNITS = ["tonnes", "barrels", "units", "vehicles", "passengers"]


def article(number: int) -> str:
    rng = random.Random(number)
    company, place, person = rng.choice(COMPANIES), rng.choice(PLACES), rng.choice(PEOPLE)
    revenue, growth, profit = rng.randint(10, 900), rng.randint(1, 40), rng.randint(1, 90)
    volume, unit = rng.randint(100, 9000) * 1000, rng.choice(UNITS)
    year = rng.randint(2015, 2024)
    return (
        f"{company} reports results for {year}\n\n"
        f"{place}, March {rng.randint(1, 28)} - {company} said on Tuesday that revenue rose "
        f"{growth}% to ${revenue} million in {year}, while net profit reached ${profit}.{rng.randint(0, 9)} "
        f"million, up from ${max(1, profit - rng.randint(1, 9))} million a year earlier.\n\n"
        f"Chief executive {person} told reporters in {place} that the company shipped "
        f"{volume:,} {unit} over the year, about {rng.randint(2, 30)}% more than in {year - 1}. "
        f"Its shares gained {rng.randint(1, 15)}.{rng.randint(0, 9)}% in early trading.\n\n"
        f"The company expects sales of between ${revenue + 10} million and ${revenue + 60} million "
        f"next year and plans to hire {rng.randint(50, 900)} workers at a new plant outside "
        f"{rng.choice(PLACES)}, which will cost {rng.randint(20, 400)} million euros.\n\n"
        f"Analysts at {rng.choice(COMPANIES)} Securities had forecast growth of {rng.randint(1, 20)}%.\n"
    )


def write_articles(folder: Path, count: int) -> None:
    for number in range(count):
        sub = folder / f"batch{number // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{number:05d}.txt").write_text(article(number), encoding="utf-8")


def pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as file:
                    parent = int(file.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def timed_run(args: list[str]) -> tuple[float, int, int, float]:
    """Seconds, peak PSS of the process tree (MiB), the most processes seen and the CPU
    seconds (user + system) of all of them."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "desktop.cli", "extract", *args], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, most = 0, 0
    while process.poll() is None:
        tree = descendants(process.pid)
        peak = max(peak, sum(pss_kib(pid) for pid in tree))
        most = max(most, len(tree))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"extract failed ({process.returncode}): {process.stderr.read()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, peak // 1024, most, cpu




def rows(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row.pop("document")
        lines.append(json.dumps(row, sort_keys=True))
    return sorted(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--no-dask", action="store_true")
    options = parser.parse_args()
    cores = os.cpu_count() or 1
    print(f"CPU: {cpu_name()} ({cores} cores); {options.articles} articles of ~1,100 characters; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "corpus"
        write_articles(folder, options.articles)
        results = []
        for jobs in sorted({1, cores}):
            output = Path(temporary) / f"jobs{jobs}.jsonl"
            seconds, mib, processes, cpu = timed_run([str(folder), "--jobs", str(jobs), "--output", str(output)])
            results.append((f"local, --jobs {jobs}", seconds, mib, processes, cpu))
        same_jobs = rows(Path(temporary) / "jobs1.jsonl") == rows(Path(temporary) / f"jobs{cores}.jsonl")
        dask_same = None
        if not options.no_dask:
            try:
                from distributed import LocalCluster
            except ImportError:
                print("(no Dask: pip install 'article-lens[dask]' for the cluster row)")
            else:
                with LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
                    output = Path(temporary) / "dask.jsonl"
                    start = time.perf_counter()
                    timed_run([str(folder), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                               "--output", str(output)])
                    seconds = time.perf_counter() - start
                results.append(("Dask LocalCluster, 2 worker processes", seconds, None, None, None))
                dask_same = rows(output) == rows(Path(temporary) / "jobs1.jsonl")
    base = results[0][1]
    print("\n| run | seconds | articles/s | speed-up | CPU s (all processes) | peak PSS, all processes | processes |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, seconds, mib, processes, cpu in results:
        memory = f"{mib} MiB" if mib is not None else "(cluster's own)"
        print(f"| {name} | {seconds:.1f} | {options.articles / seconds:.1f} | {base / seconds:.2f}× | "
              f"{f'{cpu:.1f}' if cpu is not None else ''} | {memory} | {processes if processes is not None else ''} |")
    print(f"load average at the end (other work on this machine): {os.getloadavg()[0]:.2f}")
    print(f"\nrows identical, --jobs 1 vs --jobs {cores}: {same_jobs}"
          + (f"; local vs Dask: {dask_same}" if dask_same is not None else ""))


if __name__ == "__main__":
    main()
