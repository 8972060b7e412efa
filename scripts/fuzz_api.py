"""Fuzz the dashboard's JSON API with schemathesis, on loopback, bounded in count and time.

    .venv/bin/python scripts/fuzz_api.py                       # a fresh store, 200 examples, 60 s
    .venv/bin/python scripts/fuzz_api.py --db demo.duckdb --examples 500 --seconds 120

Starts the dashboard on 127.0.0.1 (a free port; an upload analyser that stores a tiny
record instead of running the model, so the run measures the server, not the parser),
reads ``/openapi.json`` and sends requests that schemathesis generates from it (valid
and invalid) to every operation in turn, until ``--examples`` requests have been sent
or ``--seconds`` have passed. Prints the figures: requests, by status, by operation,
any 5xx answer and any answer without the security headers. Exit 1 when there was
one. ``tests/reliability/test_fuzz.py`` runs the same with smaller bounds.
"""

from __future__ import annotations

import argparse
import collections
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Headers every answer must carry.
REQUIRED_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@dataclass
class FuzzFigures:
    """What a fuzz run saw."""

    requests: int = 0
    seconds: float = 0.0
    statuses: collections.Counter[int] = field(default_factory=collections.Counter)
    operations: collections.Counter[str] = field(default_factory=collections.Counter)
    server_errors: list[str] = field(default_factory=list)
    missing_headers: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The figures as printable lines."""
        out = [f"requests: {self.requests} in {self.seconds:.1f} s",
               "statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items())),
               f"operations: {len(self.operations)}"]
        out += [f"  {name}: {count}" for name, count in sorted(self.operations.items())]
        out.append(f"5xx answers: {len(self.server_errors)}")
        out += [f"  {line}" for line in self.server_errors[:10]]
        out.append(f"answers without security headers: {len(self.missing_headers)}")
        out += [f"  {line}" for line in self.missing_headers[:10]]
        return out


def _tiny_record(document: object) -> object:
    """An upload analyser that stores the document with no findings."""
    from sitroom.pipeline.analyze import document_info, provenance
    from sitroom.record import AnalysisRecord

    return AnalysisRecord(document=document_info(document),  # type: ignore[arg-type]
                          provenance=provenance())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(db: Path, upload_dir: Path) -> Iterator[str]:
    """The dashboard over ``db`` on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    from sitroom.web import create_app

    app = create_app(db, analyzer=_tiny_record, upload_dir=upload_dir,  # type: ignore[arg-type]
                     upload_seconds=10)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="error", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def fuzz(base_url: str, examples: int = 200, seconds: float = 60.0) -> FuzzFigures:
    """Send up to ``examples`` generated requests (within ``seconds``) to every operation."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable

    if not base_url.startswith(("http://127.0.0.1:", "http://[::1]:", "http://localhost:")):
        raise ValueError("the fuzz run talks to loopback only")
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    figures = FuzzFigures()
    started = time.monotonic()
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    per_operation = max(1, examples // max(1, len(operations) * len(modes)))

    def record(label: str, response: Any) -> None:
        figures.requests += 1
        figures.statuses[response.status_code] += 1
        figures.operations[label] += 1
        where = f"{response.status_code} {response.request.method} {response.request.url}"
        if response.status_code >= 500:
            figures.server_errors.append(where[:300])
        if any(h not in response.headers for h in REQUIRED_HEADERS):
            figures.missing_headers.append(where[:300])

    def probe(operation: Any, mode: Any) -> Callable[[], None]:
        label = f"{operation.method.upper()} {operation.path}"

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=per_operation, deadline=None, database=None,
                  phases=[Phase.generate], derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def one(case: Any) -> None:
            if figures.requests >= examples or time.monotonic() - started > seconds:
                return
            record(label, case.call(base_url=base_url, timeout=30))

        return one  # type: ignore[no-any-return]

    for operation, mode in ((o, m) for o in operations for m in modes):
        one = probe(operation, mode)
        try:
            one()
        except Unsatisfiable:  # no invalid request exists (an operation without inputs)
            continue
    figures.seconds = time.monotonic() - started
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to serve (default: a fresh one)")
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "fuzz.duckdb"
        with serve(db, Path(tmp) / "uploads") as url:
            figures = fuzz(url, args.examples, args.seconds)
    print("\n".join(figures.lines()))
    return 1 if figures.server_errors or figures.missing_headers else 0


if __name__ == "__main__":
    sys.exit(main())
