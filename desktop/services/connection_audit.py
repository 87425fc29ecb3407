"""When a read of connection records writes an audit entry (Marco Civil da Internet, Art. 13).

The rule: **no read without an audit entry, one entry per view.**  A *view* is one actor
(with its station) looking at one subscriber's records for one period, in this process:

* the first page of a listing (``page(after=None)``: *Ver* on the screen) starts a new view
  and writes an entry, unless it belongs to the view its own totals or chart have just
  opened (the screen asks for both at once, in either order);
* any other read (``page(after=...)``, ``totals``, ``daily_traffic``) is covered by the open
  view of the same actor, subscriber and period, when there is one younger than
  :data:`VIEW_WINDOW`; otherwise it writes an entry itself and opens a view.  So a caller
  that skips the first page, or scrolls an hour later, is still audited;
* a full statement (export, CLI, PDF, print) always writes its own entry.

The entry is written after the records were read and before they are returned: a refused
request (no such subscriber, no RADIUS login, another subscriber's records) leaves none, and
if the entry cannot be written the records are not returned.  Views live in memory, per
``Database`` object: another process or station audits its own views.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.periods import Period

# How long one audit entry covers the rest of a view (further pages, totals, the chart).
VIEW_WINDOW_S = 10 * 60.0

_Key = tuple[str, str, str, int, Period]


@dataclass
class _View:
    audited_at: float  # time.monotonic() of its audit entry
    first_page_seen: bool


_lock = threading.Lock()
_views: WeakKeyDictionary[Database, dict[_Key, _View]] = WeakKeyDictionary()


def _key(actor: Actor, subscriber_id: int, period: Period) -> _Key:
    return (actor.label, actor.station, str(actor.channel), subscriber_id, period)


def needs_entry(
    db: Database, actor: Actor, subscriber_id: int, period: Period, *, first_page: bool
) -> bool:
    """True when this read must write an audit entry (then call :func:`opened`)."""
    now = time.monotonic()
    with _lock:
        view = _views.get(db, {}).get(_key(actor, subscriber_id, period))
        if view is None or now - view.audited_at > VIEW_WINDOW_S:
            return True
        if not first_page:
            return False
        if view.first_page_seen:
            return True  # a first page again: *Ver* once more, a new view
        view.first_page_seen = True  # the first page of the view its summary opened
        return False


def opened(
    db: Database, actor: Actor, subscriber_id: int, period: Period, *, first_page: bool
) -> None:
    """Record that an audit entry was written for this view just now."""
    with _lock:
        views = _views.setdefault(db, {})
        views[_key(actor, subscriber_id, period)] = _View(time.monotonic(), first_page)
        if len(views) > 10_000:  # a long-running station: forget views long closed
            cutoff = time.monotonic() - VIEW_WINDOW_S
            for key in [k for k, v in views.items() if v.audited_at < cutoff]:
                del views[key]
