"""Realistic, deterministic demo data (pt_BR): ``central-assinante demo``.

One seeded ``random.Random`` and one seeded Faker drive everything, so the same seed and the
same day give the same database.  Rows are written in bulk (Core ``executemany``) so that
100 000 subscribers with a year of history take minutes, not hours.
"""

from desktop.demo.catalog import DemoLogin
from desktop.demo.run import DemoResult, create_demo

__all__ = ["DemoLogin", "DemoResult", "create_demo"]
