"""Running the pipeline over many documents: locally or on Dask."""
