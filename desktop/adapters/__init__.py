"""The outside world behind small interfaces (PSP, printers, RADIUS control, mail...)."""
