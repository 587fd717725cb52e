"""`python -m eventscope` runs the command line."""

from eventscope.serve.cli import main

if __name__ == "__main__":  # Dask's worker processes import this module again: do not run there
    main()
