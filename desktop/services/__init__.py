"""The domain: plain Python, no Qt.  Every public function takes a ``Database`` and an actor."""
