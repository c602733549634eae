import sys

from grantcalc.cli import main

sys.exit(main())
