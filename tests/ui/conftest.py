"""The windows of a connected laptop are tested against the real server the sync tests
start (PostgreSQL, uvicorn with TLS on 127.0.0.1): its fixtures, for the tests here."""

from tests.sync.conftest import _pg_demo_template, running, tls  # noqa: F401 (fixtures)
