"""`python -m game` runs the same command line as `detente`."""

from game.cli import main

raise SystemExit(main())
