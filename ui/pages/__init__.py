"""Pages of the desktop app: one counter task each."""
