"""python3 -m liftests [SUITE ...]: the whole test run (see liftests.run)."""
import sys

from liftests.run import main

sys.exit(main(sys.argv[1:]))
