"""Keyboard use at the counter (issue 15, item 4): no invisible Tab stops on the tab bars,
one Tab per date field, and shortcuts between a subscriber's statement tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from desktop.ui.main_window import MainWindow
from desktop.ui.tabs import PendingTab
from desktop.ui.workspace import WorkspaceView
from tests.ui.test_main_window import actor, people, window  # noqa: F401 (fixtures)

CTRL = Qt.KeyboardModifier.ControlModifier


def open_maria(qtbot, win: MainWindow) -> WorkspaceView:
    qtbot.keyClicks(win.search_edit, "529.982.247-25")
    qtbot.keyClick(win.search_edit, Qt.Key.Key_Return)
    view = win.tabs.currentWidget()
    assert isinstance(view, WorkspaceView)
    qtbot.waitUntil(lambda: view.tabs.count() > 1)
    return view


def test_tab_from_the_search_field_lands_in_the_open_tab(qtbot, window: MainWindow) -> None:  # noqa: F811
    view = open_maria(qtbot, window)
    window.search_edit.setFocus()
    qtbot.waitUntil(window.search_edit.hasFocus)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QTabBar)
    assert view.tabs.currentWidget().isAncestorOf(focused)


def test_ctrl_tab_ctrl_pgdn_and_alt_number_move_between_statement_tabs(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    view = open_maria(qtbot, window)
    count = view.tabs.count()
    start = view.tabs.currentIndex()
    view.go_to_tab(start)
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Tab, CTRL)
    assert view.tabs.currentIndex() == (start + 1) % count
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageDown, CTRL)
    assert view.tabs.currentIndex() == (start + 2) % count
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageUp, CTRL)
    assert view.tabs.currentIndex() == (start + 1) % count
    qtbot.keyClick(
        QApplication.focusWidget() or view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier
    )
    assert view.tabs.currentIndex() == 0
    page = view.tabs.currentWidget()
    if not isinstance(page, PendingTab):  # the focus follows into the tab's first field
        assert page.isAncestorOf(QApplication.focusWidget())


def test_every_list_tab_calls_its_query_button_ver(qtbot, window: MainWindow) -> None:  # noqa: F811
    """Trial finding: *Ver* in some tabs and *Consultar* in others."""
    from PySide6.QtWidgets import QPushButton

    view = open_maria(qtbot, window)
    words = set()
    for i in range(view.tabs.count()):
        page = view.tabs.widget(i)
        for name in ("view_button", "consult_button"):
            button = getattr(page, name, None)
            if isinstance(button, QPushButton):
                words.add(button.text())
    assert words == {"Ver"}
