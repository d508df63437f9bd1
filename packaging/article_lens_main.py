"""The bundled app's entry point (PyInstaller runs this file as ``__main__``).

``desktop.cli.main`` calls ``multiprocessing.freeze_support()`` first, so the analysis
worker processes that the frozen executable starts run their task instead of the app.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
