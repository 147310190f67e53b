"""``python -m analystkit`` is the ``analystkit`` command."""

import sys

from .cli import main

sys.exit(main())
