"""The checks of a user's .docx template moved down to :mod:`grantcalc.package`, where the
importer shares them; this name stays an alias of that module (``grantcalc.render.package``
*is* ``grantcalc.package``), so what was imported or patched from here still is."""

from __future__ import annotations

import sys

from grantcalc import package as _package

sys.modules[__name__] = _package
