"""The kiosk's on-screen keys and its CPF/CNPJ field.

A touch screen has no keyboard.  Qt Virtual Keyboard would be the ready-made answer, but the
PySide6-Essentials wheels do not ship its libraries (the plugin is there, ``libQt6Virtual
Keyboard`` is not), so the kiosk has these keys of its own: a numeric pad (CPF, CNPJ) and a
QWERTY pad (passwords, alphanumeric CNPJ).  A key *types*: it sends the same ``QKeyEvent`` a
keyboard would to the field being filled, so a field behaves the same whichever is used,
and the idle timer sees the touch.  Keys never take the focus away from the field.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    QPluginLoader,
    Qt,
    Signal,
)
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.documents import normalize_document

NUMERIC = "numeric"
ALPHA = "alpha"
KEY_HEIGHT = 56  # px: above the 48 px touch target (kiosk.qss says the same)
KEY_MIN_WIDTH = 48  # the touch target; eleven keys a row still fit a 1024-px kiosk
BACKSPACE = "⌫"
SHIFT = "⇧"


_system_keyboard = False


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskKeypad", text)


def system_keyboard_available() -> bool:
    """Whether Qt Virtual Keyboard can load here (its plugin *and* its libraries)."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    for candidate in sorted((plugins / "platforminputcontexts").glob("*qtvirtualkeyboard*")):
        loader = QPluginLoader(str(candidate))
        if loader.load():
            loader.unload()
            return True
    return False


def use_system_keyboard() -> bool:
    """Before the QApplication exists: Qt Virtual Keyboard when the store asked for it.

    With ``QT_IM_MODULE=qtvirtualkeyboard`` in the kiosk's environment and the plugin able to
    load, the fields get Qt's keyboard and our keys stay hidden; otherwise our keys are used.
    It is asked for, not detected: PySide6-Addons (which brings QtPdf up to 6.11) ships the
    plugin, and the kiosk's keypad is the one designed and tested for its screens.
    """
    global _system_keyboard
    if os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard" and system_keyboard_available():
        _system_keyboard = True
    return _system_keyboard


def format_partial_document(raw: str) -> str:
    """The mask of a CPF (000.000.000-00) or CNPJ (00.000.000/0000-00) as it is typed.

    Up to 11 digits is read as a CPF; a 12th character, or any letter (alphanumeric CNPJ),
    makes it a CNPJ.
    """
    if len(raw) <= 11 and raw.isdigit():
        marks = {3: ".", 6: ".", 9: "-"}
    elif raw:
        marks = {2: ".", 5: ".", 8: "/", 12: "-"}
    else:
        return ""
    out: list[str] = []
    for index, char in enumerate(raw):
        if index in marks:
            out.append(marks[index])
        out.append(char)
    return "".join(out)


def _mark(edit: QLineEdit, on: bool) -> None:
    if bool(edit.property("keypadTarget")) == on:
        return
    edit.setProperty("keypadTarget", on)
    edit.style().unpolish(edit)
    edit.style().polish(edit)


class DocumentEdit(QLineEdit):
    """A CPF/CNPJ field that keeps its mask while typing: digits (and CNPJ letters) only.

    The cursor always stays at the end: a kiosk field is filled and erased from the right,
    which is what a touch user expects and keeps the mask simple.  ``raw`` is the bare text.
    """

    MAX_CHARS = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._raw = ""
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setProperty("keypad", NUMERIC)

    @property
    def raw(self) -> str:
        return self._raw

    def set_raw(self, text: str) -> None:
        self._raw = normalize_document(text)[: self.MAX_CHARS]
        self.setText(format_partial_document(self._raw))
        self.end(False)

    def clear(self) -> None:
        self.set_raw("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_raw(self._raw[:-1])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)  # returnPressed
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            clipboard = QApplication.clipboard()
            self.set_raw(self._raw + (clipboard.text() if clipboard else ""))
            return
        text = event.text()
        if text and text.isalnum() and text.isascii():
            self.set_raw(self._raw + text)
            return
        event.ignore()  # Tab, arrows, Escape...: not ours

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """An input method (a system virtual keyboard) commits text here."""
        committed = event.commitString()
        if committed:
            self.set_raw(self._raw + committed)
        event.accept()


class Keypad(QFrame):
    """On-screen keys that type into the field of :meth:`follow` that has the focus.

    ``set_mode(NUMERIC)`` shows 0-9; ``set_mode(ALPHA)`` a QWERTY layout with digits and a
    few symbols.  Each field says which it wants in its ``keypad`` property.
    """

    enter_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.target: QLineEdit | None = None
        self._fields: list[QLineEdit] = []
        self._shift = False
        self._letter_keys: list[QPushButton] = []
        self._pages = QStackedLayout()
        self._pages.addWidget(self._numeric_page())
        self._pages.addWidget(self._alpha_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(self._pages)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        if _system_keyboard:
            self.setVisible(False)  # Qt Virtual Keyboard types instead

    # ----------------------------------------------------------------- public
    @property
    def mode(self) -> str:
        return NUMERIC if self._pages.currentIndex() == 0 else ALPHA

    def set_mode(self, mode: str) -> None:
        self._pages.setCurrentIndex(0 if mode == NUMERIC else 1)

    def follow(self, fields: Sequence[QLineEdit]) -> None:
        """Type into whichever of ``fields`` has the focus (the first one to begin with)."""
        for edit in self._fields:
            edit.removeEventFilter(self)
        self._fields = list(fields)
        for edit in self._fields:
            edit.installEventFilter(self)  # FocusIn: a touch on a field makes it the target
        if self._fields:
            self.attach(self._fields[0])

    def attach(self, edit: QLineEdit) -> None:
        """Type into ``edit`` from now on; it is outlined (a touch screen shows no cursor)."""
        previous, self.target = self.target, edit
        if previous is not None and previous is not edit:
            _mark(previous, False)
        _mark(edit, True)
        self.set_mode(str(edit.property("keypad") or ALPHA))

    def press(self, label: str) -> None:
        """Type one key (a character, BACKSPACE, SHIFT, or a page switch)."""
        if label == SHIFT:
            self._set_shift(not self._shift)
            return
        if label == "ABC":
            self.set_mode(ALPHA)
            return
        if label == "123":
            self.set_mode(NUMERIC)
            return
        if label == BACKSPACE:
            self._send(Qt.Key.Key_Backspace, "")
            return
        text = label.upper() if self._shift and label.isalpha() else label
        key = ord(text.upper()) if text.isascii() and text.isalnum() else Qt.Key.Key_unknown
        self._send(Qt.Key(key), text)

    def clear_target(self) -> None:
        if self.target is not None:
            self.target.clear()

    # ----------------------------------------------------------------- building
    def _key(self, label: str, name: str = "", *, accessible: str = "") -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(name or "keypadKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
        button.setAutoRepeat(label == BACKSPACE)
        button.setMinimumHeight(KEY_HEIGHT)
        button.setMinimumWidth(KEY_MIN_WIDTH)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if accessible:
            button.setAccessibleName(accessible)
        button.clicked.connect(lambda _checked=False, key=label: self.press(key))
        return button

    def _action_keys(self) -> tuple[QPushButton, QPushButton]:
        """*Limpar* (empties the field) and *OK* (next field, or enter)."""
        clear = QPushButton(_tr("Limpar"), self)
        clear.setObjectName("keypadAction")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.setMinimumHeight(KEY_HEIGHT)
        clear.clicked.connect(self.clear_target)
        enter = QPushButton(_tr("OK"), self)
        enter.setObjectName("keypadEnter")
        enter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        enter.setMinimumHeight(KEY_HEIGHT)
        enter.clicked.connect(self._enter)
        return clear, enter

    def _numeric_page(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        grid.addWidget(self._key("ABC", "keypadAction", accessible=_tr("Letras")), 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self._key(BACKSPACE, "keypadAction", accessible=_tr("Apagar")), 3, 2)
        clear, enter = self._action_keys()
        grid.addWidget(clear, 4, 0)
        grid.addWidget(enter, 4, 1, 1, 2)
        return page

    def _alpha_page(self) -> QWidget:
        page = QWidget(self)
        rows = QVBoxLayout(page)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        for index, keys in enumerate(("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")):
            line = QHBoxLayout()
            line.setSpacing(6)
            if index == 3:
                line.addWidget(self._key(SHIFT, "keypadAction", accessible=_tr("Maiúsculas")))
            for char in keys:
                button = self._key(char)
                if char.isalpha():
                    self._letter_keys.append(button)
                line.addWidget(button)
            if index == 3:
                line.addWidget(self._key(BACKSPACE, "keypadAction", accessible=_tr("Apagar")))
            rows.addLayout(line)
        last = QHBoxLayout()
        last.setSpacing(6)
        last.addWidget(self._key("123", "keypadAction", accessible=_tr("Números")))
        for char in ".-_@!#":
            last.addWidget(self._key(char))
        clear, enter = self._action_keys()
        last.addWidget(clear, 2)
        last.addWidget(enter, 3)
        rows.addLayout(last)
        return page

    # ----------------------------------------------------------------- behaviour
    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for button in self._letter_keys:
            button.setText(button.text().upper() if on else button.text().lower())

    def _send(self, key: Qt.Key, text: str) -> None:
        target = self.target
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            )

    def _enter(self) -> None:
        self.enter_pressed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.attach(watched)
        return False
