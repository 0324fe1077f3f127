"""Games played in bulk run with the automatic garbage collector off
(wargame.simulate.bulk_play): a reference cycle a game leaves is still freed within
GC_GAMES games, and the collector is as it was afterwards."""

import gc
import weakref

from wargame.simulate import GC_GAMES, bulk_play


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_a_cycle_left_by_a_game_is_freed_within_gc_games_games():
    assert gc.isenabled()
    with bulk_play() as bulk:
        assert not gc.isenabled()
        left = weakref.ref(Node())
        freed_after = None
        for game in range(1, GC_GAMES + 1):
            bulk.played()
            if left() is None:
                freed_after = game
                break
    assert freed_after is not None and freed_after <= GC_GAMES
    assert gc.isenabled()


def test_the_collector_stays_off_after_if_it_was_off_before():
    gc.disable()
    try:
        with bulk_play():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_plays_keep_the_collector_off_until_the_last_ends():
    # two threads of one Dask worker playing batches at once: the first to finish
    # must not turn the collector back on under the other
    first, second = bulk_play(), bulk_play()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
