"""The kernel: rules and value types with no database, no I/O and no Qt (DESIGN.md)."""
