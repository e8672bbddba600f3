"""Printed documents (reportlab) built from service dataclasses. No Qt here."""
