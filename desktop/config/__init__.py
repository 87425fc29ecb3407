"""Configuration: the paths of this machine, its station.ini, and the shared settings registry.

Two kinds of configuration exist:

* **Station configuration** (this machine): database URL, station name, local printer. It
  lives in an INI file in the user's config directory (``CENTRAL_CONFIG_DIR`` overrides it,
  which tests and portable kiosk images use): :mod:`desktop.config.station`, beside
  :mod:`desktop.config.paths`, the one place where paths are resolved.
* **Shared settings** (every station of the provider): company data, fine and interest,
  tariffs, rules... They live in the database table ``settings`` and are declared in
  :mod:`desktop.config.registry`, each a :class:`~desktop.config.setting_def.SettingDef` with a
  type, a default and a validation, so the *Painel de Configurações* can be generated from the
  registry (Picard's ``picard/config.py`` pattern).
"""
