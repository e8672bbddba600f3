"""Allow ``python -m stevnsmoeder``."""

from stevnsmoeder.cli import main

raise SystemExit(main())
