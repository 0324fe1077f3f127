"""`python -m wargame` runs the `wargame` command."""

import sys

from .cli import main

sys.exit(main())
