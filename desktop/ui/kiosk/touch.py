"""Touch first: finger-sized targets for the kiosk's screens and the counter tabs it reuses.

Every target is at least 48 px high (``MIN_TARGET_PX``), the big buttons 64 px
(``TOUCH_PX``); type is large (resources/kiosk.qss).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

TOUCH_PX = 64  # the big buttons
MIN_TARGET_PX = 48  # the smallest target anywhere
STRETCH_MIN_PX = 280  # a description column in a reused counter table


def make_touch_friendly(root: QWidget) -> None:
    """Grow the targets of a counter tab to finger size (buttons, fields, table rows).

    The tabs are built for a mouse; the kiosk reuses them as they are and only enlarges
    what a finger must hit (the style sheet does the type).
    """
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QComboBox | QLineEdit | QAbstractSpinBox):
            widget.setMinimumHeight(max(widget.minimumHeight(), MIN_TARGET_PX))
        elif isinstance(widget, QTableView):
            rows = widget.verticalHeader()
            rows.setDefaultSectionSize(max(rows.defaultSectionSize(), MIN_TARGET_PX))
            keep_stretch_column_readable(widget)


def keep_stretch_column_readable(view: QTableView) -> None:
    """A stretching column (a description) keeps a readable width on a narrow screen.

    A stretch section only gets what the other columns leave; with kiosk-sized type a wide
    statement leaves it nothing ("M…").  Here it gets a fixed readable width instead, the
    table scrolls sideways, and the last column takes any room left over.
    """
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(header.sectionSize(column), STRETCH_MIN_PX))
            header.setStretchLastSection(True)


def big_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(TOUCH_PX)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch: no focus ring left behind
    return button


def bottom_bar(parent: QWidget, *buttons: QPushButton | None) -> QHBoxLayout:
    """Buttons along the bottom edge; ``None`` is the stretch between left and right."""
    bar = QHBoxLayout()
    bar.setSpacing(16)
    for button in buttons:
        if button is None:
            bar.addStretch(1)
        else:
            button.setMinimumWidth(160)  # two of them and the keys fit a 1024-px kiosk
            bar.addWidget(button)
    return bar
