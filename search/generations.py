"""The search page's cache generations (``core.generations``), moved on by
``search.receivers``:

- ``CHOICES``: the theme and force filters' choices (every theme and force, the same
  for every reader).
- ``PROMOTIONS``: which queries have editors' picks (which picks a reader sees is
  still worked out for them, on every search that has any).
"""

from core.generations import Generation

CHOICES = Generation("ln:search:choices:generation")
PROMOTIONS = Generation("ln:search:promotions:generation")
TTL = 60 * 60
