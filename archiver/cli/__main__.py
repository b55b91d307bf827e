"""``python -m archiver.cli``."""

from archiver.cli import main

raise SystemExit(main())
