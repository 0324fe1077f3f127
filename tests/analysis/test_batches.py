"""How a run's games are cut into batches (Dask tasks): every game once, in order, and
the run's end in small batches so that the workers finish together."""

from hypothesis import given
from hypothesis import strategies as st

from wargame.analysis.execute import BATCH, TAIL, batches


@given(st.integers(1, 4), st.integers(0, 130), st.integers(1, 12))
def test_every_game_of_every_variant_once_in_order(variants, games, size):
    texts = [(k, f"v{k}.yaml", b"") for k in range(variants)]
    found = list(batches(texts, games, 7, "default", "normal", size=size))
    for k in range(variants):
        assert [i for b in found if b.key == k for i in b.games] == list(range(games))
    assert all(b.games and len(b.games) <= size for b in found)
    assert all(b.seed == 7 for b in found)


def test_the_run_ends_in_smaller_batches():
    texts = [(0, "a.yaml", b""), (1, "b.yaml", b"")]
    found = list(batches(texts, 100, 1, "default", "normal"))
    first = [len(b.games) for b in found if b.key == 0]
    last = [len(b.games) for b in found if b.key == 1]
    assert first == [BATCH] * 10  # a variant before the last: full batches
    small = BATCH // TAIL
    # the last variant: full batches, then its last TAIL * BATCH games in small ones
    assert last[:6] == [BATCH] * 6
    assert last[6:] == [small] * (TAIL * BATCH // small)
