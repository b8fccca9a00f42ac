"""Run ``python -m mpl_flowchain``: write the reference figure to a file."""

import sys

from .cli import main

sys.exit(main())
