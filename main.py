"""Entry point: `python main.py --help`."""

import sys

from console.cli.entry import main

if __name__ == "__main__":
    sys.exit(main())
