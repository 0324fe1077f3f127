"""Analysis of games, headless: parameter sweeps over campaign fields (``sweep``)
and running many games in processes or on a Dask cluster (``execute``)."""
