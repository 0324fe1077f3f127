"""Playing many computer games: in this process, or on a Dask cluster.

The unit of work is a *batch*: some games of one campaign text (a variant). A
batch names its games by index, and game ``i`` is always played with seed
``game_seed(seed, i)``, so a result never depends on where or in what order games
ran. With ``jobs`` 1 and no scheduler the games are played here, one after the
other; otherwise they go to Dask: a ``distributed.LocalCluster`` of ``jobs``
single-threaded worker processes, or the cluster at ``scheduler``
(``tcp://HOST:PORT``). Batches are submitted a window at a time and their results
streamed back, so memory is bounded by the window, not by the run.

Dask is imported here only, and only when it is used: the game never imports it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..ai import GameRecord, play_game
from ..simulate import bulk_play, game_seed  # one definition: game i's seed in a run

BATCH = 10  # games a batch (a Dask task)
WINDOW = 4  # batches in flight per worker
TAIL = 4  # the last TAIL batches' games are played in batches TAIL times smaller

QUIET = {
    "distributed.worker.profile.enabled": False,  # a stack sample every 10 ms
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "500ms",  # the event loop's watchdog, 20 ms
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask settings of a LocalCluster started here: its workers do nothing but play
games, so the worker's statistical profiler (which stops the game every 10 ms to
read its stack), the GIL monitor and the frequent ticks and memory checks only take
time from the games, on cores the games need. A cluster reached with ``scheduler``
keeps its own settings."""


NO_DASHBOARD = {"dashboard": False, "dashboard_address": "127.0.0.1:0"}
"""The scheduler of a LocalCluster started here has no dashboard, yet serves a few
HTTP routes on port 8787 by default: with two runs at once (two terminals, a
sweep beside a simulate) the second warned "Port 8787 is already in use". Port 0
lets the system choose a free one; the address keeps the routes on this machine, as
the default did (":0" alone would listen on every network the machine is on)."""


@dataclass(frozen=True)
class Batch:
    key: int  # which variant (0 for a plain simulate)
    name: str  # the campaign file's name, for messages
    text: bytes  # the campaign file
    games: tuple[int, ...]
    seed: int
    policies: object  # str or {state: policy}
    difficulty: str
    saver: object = None  # simulate --save-dir: index -> what to call with the finished game


_WORLDS: dict[str, object] = {}  # campaign text digest -> World, per process


def _world(batch: Batch):
    digest = hashlib.sha256(batch.text).hexdigest()
    world = _WORLDS.get(digest)
    if world is None:
        from ..campaign import load_campaign

        world = load_campaign(Path(batch.name), data=batch.text).world
        if len(_WORLDS) > 64:  # a long sweep: keep the cache small
            _WORLDS.clear()
        _WORLDS[digest] = world
    return world


def play_batch(batch: Batch) -> list[tuple[int, int, GameRecord]]:
    """Play a batch's games; (variant, game index, record) for each."""
    world = _world(batch)
    saver = batch.saver
    out = []
    with bulk_play() as bulk:
        for i in batch.games:
            out.append((batch.key, i, play_game(world, game_seed(batch.seed, i),
                                                batch.policies, batch.difficulty,
                                                finished=saver(i) if saver else None)))
            bulk.played()
    return out


def batches(texts: Sequence[tuple[int, str, bytes]], games: int, seed: int, policies,
            difficulty: str, size: int = BATCH, saver=None) -> Iterator[Batch]:
    """Every (variant, games) batch, variant by variant, games in order; made as
    they are taken (a million games are not a million objects waiting).

    The run's last ``TAIL * size`` games go in batches ``TAIL`` times smaller: the
    run ends when its last batch does, so the workers should finish together rather
    than one waiting for the other's whole batch."""
    last = len(texts) - 1
    for k, (key, name, text) in enumerate(texts):
        a = 0
        while a < games:
            n = size if k < last or games - a > TAIL * size else max(1, size // TAIL)
            yield Batch(key, name, text, tuple(range(a, min(a + n, games))), seed,
                        policies, difficulty, saver)
            a += n


def run(work: Iterable[Batch], jobs: int = 1, scheduler: str | None = None,
        tick: Callable[[int], None] | None = None,
        started: Callable[[], None] | None = None) -> Iterator[tuple[int, int, GameRecord]]:
    """Play every batch; yield (variant, game, record) as batches finish (in any
    order: callers sort by (variant, game) when order matters)."""
    if jobs <= 1 and not scheduler:
        if started:
            started()
        for b in work:
            done = play_batch(b)
            if tick:
                tick(len(done))
            yield from done
        return
    yield from _on_dask(work, jobs, scheduler, tick, started)


def _on_dask(work, jobs, scheduler, tick, started):
    import logging

    from dask.distributed import Client, LocalCluster, as_completed

    import dask

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="10s")
    else:
        with dask.config.set(QUIET):  # the workers take the config they start with
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR,
                                   scheduler_kwargs=NO_DASHBOARD)
        client = Client(cluster)
    try:
        if started:
            started()
        window = max(1, WINDOW * max(1, len(client.scheduler_info().get("workers", {}))))
        pending = iter(work)
        running = as_completed([client.submit(play_batch, b, pure=False)
                                for b in _take(pending, window)])
        for future in running:
            done = future.result()
            future.release()
            for b in _take(pending, 1):
                running.add(client.submit(play_batch, b, pure=False))
            if tick:
                tick(len(done))
            yield from done
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(it, n: int) -> list:
    out = []
    for x in it:
        out.append(x)
        if len(out) >= n:
            break
    return out
