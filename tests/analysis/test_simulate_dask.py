"""`wargame simulate` on Dask: a LocalCluster of --jobs workers, or an existing cluster
by --scheduler, gives the very output of the in-process run; --jobs 1 never imports
Dask; an unreachable scheduler is one line, not a traceback."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from wargame.simulate import Params, run

pytest.importorskip("dask.distributed")


def simulate(**kw) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(Params(**kw), out, err)
    return code, out.getvalue(), err.getvalue()


def test_two_local_dask_workers_give_the_in_process_output_byte_for_byte():
    here = simulate(games=12, seed=21, jobs=1, json=True)
    there = simulate(games=12, seed=21, jobs=2, json=True)
    assert here[0] == 0 and here == there
    assert "distributed" in sys.modules  # the second run did go through Dask


def test_an_existing_cluster_by_its_scheduler_address_gives_the_same_output():
    import logging

    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        there = simulate(games=8, seed=3, jobs=1, scheduler=cluster.scheduler_address)
    here = simulate(games=8, seed=3, jobs=1)
    assert there[0] == 0 and there[1] == here[1]
    assert "8 games" in here[1]


def test_an_unreachable_scheduler_is_one_line(monkeypatch):
    from wargame.analysis import execute

    real = execute._on_dask

    def quick(work, jobs, scheduler, tick, started):  # the same path, a shorter wait
        from dask.distributed import Client

        Client(scheduler, timeout="1s")
        yield from real(work, jobs, scheduler, tick, started)

    monkeypatch.setattr(execute, "_on_dask", quick)
    code, out, err = simulate(games=2, seed=1, scheduler="tcp://127.0.0.1:9")
    assert code == 2 and out == ""
    assert err.startswith("wargame simulate: cannot play on the Dask scheduler at "
                          "tcp://127.0.0.1:9") and err.count("\n") == 1


def test_playing_in_process_never_imports_dask():
    code = ("import io, sys; from wargame.simulate import Params, run; "
            "run(Params(games=1, seed=1, jobs=1), io.StringIO(), io.StringIO()); "
            "print('dask' in sys.modules or 'distributed' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_a_run_beside_another_cluster_says_nothing_of_busy_ports():
    """Two runs at once (two terminals, a sweep beside a simulate): the second's
    scheduler must not warn that port 8787, the dashboard's usual port, is taken."""
    import socket

    held = socket.socket()
    try:
        held.bind(("", 8787))
        held.listen()
    except OSError:
        pass  # something else holds it already: the case this test is about
    try:
        done = subprocess.run([sys.executable, "-m", "wargame", "simulate", "--games", "2",
                               "--jobs", "2"], capture_output=True, text=True, timeout=300)
    finally:
        held.close()
    assert done.returncode == 0, done.stderr
    assert "2 games" in done.stdout
    assert "already in use" not in done.stderr and "Traceback" not in done.stderr


def test_the_local_schedulers_routes_listen_on_this_machine_alone():
    """A free port, but never every network the machine is on (a classroom's)."""
    import logging

    from dask.distributed import LocalCluster

    from wargame.analysis.execute import NO_DASHBOARD

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR,
                      scheduler_kwargs=NO_DASHBOARD) as cluster:
        server = cluster.scheduler.http_server
        assert server.address == "127.0.0.1" and server.port != 8787
