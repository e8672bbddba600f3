"""The Qt front end. The only package that imports PySide6; it calls services, never the db."""
