"""The Qt desktop editor. Qt is imported only by the modules that need it, never here."""
