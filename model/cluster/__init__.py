"""Past one machine: the same extraction on Dask, written as a Parquet dataset."""
