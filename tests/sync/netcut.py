"""A laptop's network, which a test can cut: a TCP relay on 127.0.0.1 in front of the real
server. Cut, it drops every open connection and every new one, as a lost Wi-Fi does;
restored, it relays again."""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit


class Network:
    def __init__(self, server_url: str) -> None:
        target = urlsplit(server_url)
        self.target = (target.hostname or "127.0.0.1", target.port or 443)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"{target.scheme}://127.0.0.1:{self.port}"
        self.up = True
        self.closed = False
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, name="netcut", daemon=True).start()

    def cut(self) -> None:
        self.up = False
        with self._lock:
            doomed, self._open = self._open, set()
        for sock in doomed:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.closed = True
        self.cut()
        self.listener.close()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _addr = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
