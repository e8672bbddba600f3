"""The shapes of the record, below the database and the services: the enums stored in the
database's columns, and the plain frozen dataclasses the services return and the reports
render (a meeting's documents, a case's history, minutes as shown, calendar events).

Imports point down only: ``domain`` ← ``model`` ← ``db``; ``model`` ← ``reports`` ←
``services`` ← ``cli``/``ui``. Nothing here knows SQLAlchemy, a session or Qt
(tests/test_import_graph.py checks the whole graph).
"""
