"""`python -m eventscope` runs the command line."""

from eventscope.serve.cli import main

main()
