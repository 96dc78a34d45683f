"""``python -m meldcode_rules.cli``."""

import sys

from meldcode_rules.cli import main

sys.exit(main())
